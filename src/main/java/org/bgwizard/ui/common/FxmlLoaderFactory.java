package org.bgwizard.ui.common;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.function.Supplier;
import javafx.fxml.FXMLLoader;
import javafx.scene.Parent;

/**
 * Loads views from {@code /fxml/} with the current language's strings. The controller is built by the
 * caller's constructor call, so its dependencies are explicit and FXML only injects the nodes.
 */
public final class FxmlLoaderFactory {
  private final Messages messages;

  public FxmlLoaderFactory(Messages messages) {
    this.messages = messages;
  }

  public Messages messages() {
    return messages;
  }

  public <C> View<C> load(String fxml, Class<C> controllerType, Supplier<? extends C> controller) {
    var url = FxmlLoaderFactory.class.getResource(fxml);
    if (url == null) {
      throw new IllegalArgumentException("No view " + fxml + " on the classpath");
    }
    var loader = new FXMLLoader(url, messages.bundle());
    loader.setControllerFactory(type -> {
      if (type != controllerType) {
        throw new IllegalStateException(fxml + " asks for controller " + type.getName() + ", expected "
            + controllerType.getName());
      }
      return controller.get();
    });
    try {
      Parent root = loader.load();
      return new View<>(root, controllerType.cast(loader.getController()));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot load view " + fxml, e);
    }
  }

  /** A loaded view: its root node and its controller. */
  public record View<C>(Parent root, C controller) {}
}
