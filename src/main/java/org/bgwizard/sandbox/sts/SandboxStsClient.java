package org.bgwizard.sandbox.sts;

import org.bgwizard.sandbox.core.SandboxAccount;
import org.bgwizard.sandbox.core.Service;
import software.amazon.awssdk.services.sts.StsClient;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityRequest;
import software.amazon.awssdk.services.sts.model.GetCallerIdentityResponse;

/** STS: who am I. The sandbox learner is an IAM user of the simulated account. */
public final class SandboxStsClient implements StsClient {
  private final SandboxAccount account;

  public SandboxStsClient(SandboxAccount account) {
    this.account = account;
  }

  @Override
  public GetCallerIdentityResponse getCallerIdentity(GetCallerIdentityRequest request) {
    return account.call(Service.STS, "GetCallerIdentity", () -> GetCallerIdentityResponse.builder()
        .account(account.accountId())
        .arn("arn:aws:iam::" + account.accountId() + ":user/" + SandboxAccount.USER_NAME)
        .userId("AIDA" + account.accountId() + "SANDBOX")
        .build());
  }

  @Override
  public String serviceName() {
    return SERVICE_NAME;
  }

  @Override
  public void close() {}
}
