package org.bgwizard.session;

import java.io.IOException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.bgwizard.export.CloudFormationImport;
import org.bgwizard.export.StackMarker;
import org.bgwizard.provision.Journal;
import org.bgwizard.provision.ResourceRef;
import org.bgwizard.provision.steps.NetworkFacts;
import org.bgwizard.provision.steps.ResourceStatus;
import org.bgwizard.provision.steps.SetupStatus;
import org.bgwizard.setup.SetupSpec;

/**
 * Moving a created setup under a CloudFormation stack, the same for the command line and the window: the import
 * files from the journal and the account, the record that the stack manages the setup, and reading that record.
 */
public final class StackHandover {
  private StackHandover() {}

  /**
   * The import files of {@code setup} for {@code stack}; reads the account (plan and status), so never on the FX
   * thread. Throws {@link org.bgwizard.provision.steps.PlanRefusedException} when the plan is refused.
   */
  public static CloudFormationImport.Prepared prepare(Session session, SetupSpec setup, String stack,
      String setupFile) throws Exception {
    Journal journal = session.journal(setup);
    NetworkFacts network = session.operations().plan(setup).network();
    SetupStatus status = session.operations().status(setup, journal, false);
    Map<ResourceRef, String> arns = new HashMap<>();
    Set<ResourceRef> absent = new HashSet<>();
    for (ResourceStatus r : status.resources()) {
      ResourceRef ref = new ResourceRef(r.kind(), r.name());
      switch (r.state()) {
        case MISSING, NOT_CREATED -> absent.add(ref);
        case PRESENT, DRIFTED, UNTRACKED -> {
          if (r.arn() != null) {
            arns.put(ref, r.arn());
          }
        }
        default -> { }
      }
    }
    String lbGroup = setup.loadBalancer().isExisting() && !network.loadBalancerSecurityGroups().isEmpty()
        ? network.loadBalancerSecurityGroups().get(0) : null;
    var facts = new CloudFormationImport.AccountFacts(
        session.operations().target(setup).accountId(), network.vpcId(), network.subnetIds(), lbGroup, arns, absent);
    return CloudFormationImport.prepare(setup, stack, setupFile, journal.entries(), facts);
  }

  /** Records that {@code stack} manages {@code setup}, at the account's time; returns the record's file. */
  public static Path record(Session session, SetupSpec setup, String stack) throws IOException {
    Journal journal = session.journal(setup);
    new StackMarker(stack, session.clock().instant()).write(journal.file());
    return StackMarker.fileFor(journal.file());
  }

  /** The stack that manages {@code setup}, when one was recorded: apply and teardown leave the setup alone. */
  public static Optional<StackMarker> manager(Session session, SetupSpec setup) throws IOException {
    return StackMarker.read(session.journal(setup).file());
  }
}
