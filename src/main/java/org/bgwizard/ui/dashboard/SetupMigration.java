package org.bgwizard.ui.dashboard;

import java.nio.file.Path;
import java.util.function.Function;
import org.bgwizard.session.Session;
import org.bgwizard.setup.SetupSpec;

/**
 * What a CodeDeploy setup's dashboard needs to move the setup to Amazon ECS blue/green: the session, the setup and
 * the file that holds it (rewritten at the end, as {@code migrate FILE --to ecs-native} does), and what opens the
 * dashboard of the migrated setup.
 *
 * @param reopen opens (or brings to the front) the dashboard of the ecs-native setup, on the FX thread
 */
public record SetupMigration(Session session, SetupSpec setup, Path file, Function<SetupSpec, DashboardWindow> reopen) {}
