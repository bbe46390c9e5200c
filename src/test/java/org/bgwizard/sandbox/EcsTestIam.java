package org.bgwizard.sandbox;

import java.util.HashMap;
import java.util.Map;
import org.bgwizard.sandbox.core.Ports;

/** A stand-in for the IAM engine: roles that exist, and what assuming each one gives. */
public final class EcsTestIam implements Ports.IamChecks {
  public final Map<String, Assume> roles = new HashMap<>();

  EcsTestIam withRole(String arn) {
    roles.put(arn, Assume.OK);
    return this;
  }

  @Override
  public Assume canAssume(String roleArn, String servicePrincipal) {
    return roles.getOrDefault(roleArn, Assume.NO_SUCH_ROLE);
  }

  @Override
  public boolean allows(String roleArn, String action, String resourceArn, String passedToService) {
    return roles.containsKey(roleArn);
  }

  @Override
  public boolean roleExists(String roleArn) {
    return roles.containsKey(roleArn);
  }
}
