package org.bgwizard.ui.common;

import java.util.concurrent.Executor;
import javafx.application.Platform;

/** Hands work from a background thread to the FX thread; at once when already on it. */
public final class FxThread implements Executor {
  public static final FxThread INSTANCE = new FxThread();

  private FxThread() {}

  @Override
  public void execute(Runnable work) {
    if (Platform.isFxApplicationThread()) {
      work.run();
    } else {
      Platform.runLater(work);
    }
  }
}
