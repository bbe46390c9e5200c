package org.bgwizard.ui.dashboard;

import java.util.List;
import java.util.Locale;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.bgwizard.aws.SimulatedAccount;
import org.bgwizard.ui.common.Dialogs;
import org.bgwizard.ui.common.Messages;

/**
 * How fast the simulated account's time runs, chosen in the dashboard: 1× to watch the moment before reroute as it
 * would happen on AWS, 30× (the default) to get through a release in seconds. Shown only on a simulated account
 * whose time runs by itself; the choice takes effect at once, simulated time going on from where it is.
 */
final class SpeedControl {
  static final List<Integer> SPEEDS = List.of(1, 10, 30);

  private SpeedControl() {}

  /** Fills {@code box} (hidden when there is nothing to control). */
  static void install(HBox box, SimulatedAccount account, Messages messages, Dialogs dialogs) {
    boolean shown = account != null && account.speed().isPresent();
    box.setVisible(shown);
    box.setManaged(shown);
    if (!shown) {
      return;
    }
    var group = new ToggleGroup();
    box.getChildren().add(new Label(messages.get("dashboard.speed")));
    double current = account.speed().getAsDouble();
    for (int speed : SPEEDS) {
      var button = new ToggleButton(speed + "×");
      button.setId("speed" + speed);
      button.setToggleGroup(group);
      button.setUserData(speed);
      button.setSelected(speed == current);
      button.setTooltip(new Tooltip(messages.format("dashboard.speed.tip", speed)));
      box.getChildren().add(button);
    }
    group.selectedToggleProperty().addListener((o, was, now) -> {
      if (now == null) {
        group.selectToggle(was); // one speed is always chosen
        return;
      }
      int speed = (Integer) now.getUserData();
      if (account.speed().orElse(0) == speed) {
        return;
      }
      try {
        account.speed(speed);
      } catch (RuntimeException e) {
        dialogs.error(box.getScene().getWindow(), messages.get("dashboard.speed.failed"),
            String.format(Locale.ROOT, "%d×", speed), String.valueOf(e.getMessage()));
      }
    });
  }
}
