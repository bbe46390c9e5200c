package org.bgwizard.ui.pages;

import java.util.List;
import javafx.beans.InvalidationListener;
import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.Button;
import javafx.scene.control.Hyperlink;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import org.bgwizard.aws.CodeConnections;
import org.bgwizard.aws.ConsoleLinks;
import org.bgwizard.aws.ResourceKind;
import org.bgwizard.aws.SimulatedAccount;
import org.bgwizard.provision.StepState;
import org.bgwizard.ui.common.BackgroundTask;
import org.bgwizard.ui.common.Messages;
import org.bgwizard.ui.services.WizardSession;
import org.bgwizard.session.Session;

/**
 * While the connection step waits for its handshake (AWS allows it only in the console, CodeConnections API
 * Reference, CreateConnection), the Create page shows the console's link; in the simulated account also a button
 * that does the console's part, as {@code --sandbox-complete-handshake} does for the commands.
 */
final class HandshakeBar {
  /** How the connection step's progress line begins while it waits (provision.steps.ConnectionStep). */
  static final String WAITING = "ACTION REQUIRED";

  private final HBox bar;
  private final ObservableList<StepRow> rows;
  private final InvalidationListener changed = o -> update();

  private HandshakeBar(HBox bar, ObservableList<StepRow> rows) {
    this.bar = bar;
    this.rows = rows;
  }

  static void install(HBox bar, ObservableList<StepRow> rows, WizardSession session, Messages messages, String region,
      boolean simulated) {
    var handshake = new HandshakeBar(bar, rows);
    String url = ConsoleLinks.connections(region);
    var link = new Hyperlink(messages.get("create.handshake.console"));
    link.setId("handshakeLink");
    link.setOnAction(e -> session.browse(url));
    var note = new Label(messages.get("create.handshake.waiting"));
    note.setWrapText(true);
    HBox.setHgrow(note, Priority.ALWAYS);
    link.setMinWidth(Region.USE_PREF_SIZE);
    bar.getChildren().setAll(note, link);
    if (simulated) {
      var complete = new Button(messages.get("create.handshake.complete"));
      complete.setId("handshakeButton");
      complete.setMinWidth(Region.USE_PREF_SIZE);
      complete.setOnAction(e -> {
        complete.setDisable(true);
        Session workspace = session.workspace().get();
        session.executor().submit(BackgroundTask.of(() -> workspace.simulated()
            .map(SimulatedAccount::completeConnectionHandshakes).orElse(List.of()))
            .andFinally(() -> complete.setDisable(false)));
      });
      bar.getChildren().add(complete);
    }
    rows.addListener((ListChangeListener<StepRow>) change -> handshake.watch());
    handshake.watch();
  }

  private void watch() {
    for (StepRow row : rows) {
      if (isConnection(row)) {
        row.state().removeListener(changed);
        row.detail().removeListener(changed);
        row.state().addListener(changed);
        row.detail().addListener(changed);
      }
    }
    update();
  }

  private void update() {
    boolean waiting = rows.stream().anyMatch(r -> isConnection(r) && r.state().get() == StepState.RUNNING
        && r.detail().get() != null && r.detail().get().startsWith(WAITING));
    bar.setVisible(waiting);
    bar.setManaged(waiting);
  }

  private static boolean isConnection(StepRow row) {
    return row.ref().kind().equals(ResourceKind.CONNECTION.id());
  }
}
