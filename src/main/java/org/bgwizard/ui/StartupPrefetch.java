package org.bgwizard.ui;

import javax.xml.stream.FactoryConfigurationError;
import javax.xml.stream.XMLInputFactory;
import org.bgwizard.ui.common.Messages;

/**
 * Work of the first window that needs no toolkit, done on a background thread while JavaFX starts (a quarter
 * of a second in which the main thread only waits): the UI strings of the default language, which the
 * resource bundle cache then hands to the FX thread, and the XML reader the views are parsed with.
 */
final class StartupPrefetch {
  private StartupPrefetch() {}

  static void start() {
    var thread = new Thread(StartupPrefetch::prefetch, "startup-prefetch");
    thread.setDaemon(true);
    thread.start();
  }

  static void prefetch() {
    try {
      Messages.of(Messages.defaultLocale());
      XMLInputFactory.newFactory();
    } catch (RuntimeException | FactoryConfigurationError e) {
      // only a head start: the FX thread does the same work, and reports what fails, when it needs it
    }
  }
}
