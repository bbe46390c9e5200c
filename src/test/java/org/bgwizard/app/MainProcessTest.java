package org.bgwizard.app;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bgwizard.aws.FakeAwsServer;
import org.bgwizard.setup.SpecDefaults;
import org.bgwizard.setup.SpecJson;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code main} itself in a new JVM on the built classes: what a user's shell gets, after {@code System.exit}. The
 * child's environment is the test's, less every AWS setting, plus what each test gives: nothing of this machine's AWS
 * setup is read, and the keys are AWS's documented example pair.
 */
class MainProcessTest {
  private static final Map<String, String> FAKE_KEYS = Map.of("AWS_ACCESS_KEY_ID", "AKIAIOSFODNN7EXAMPLE",
      "AWS_SECRET_ACCESS_KEY", "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY");
  private static final String IDENTITY = """
      <GetCallerIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
        <GetCallerIdentityResult>
          <Arn>arn:aws:iam::111122223333:user/ci</Arn><UserId>AIDAEXAMPLE</UserId><Account>111122223333</Account>
        </GetCallerIdentityResult>
        <ResponseMetadata><RequestId>01234567-89ab-cdef-0123-456789abcdef</RequestId></ResponseMetadata>
      </GetCallerIdentityResponse>""";
  private static final String DENIED = """
      <ErrorResponse xmlns="https://iam.amazonaws.com/doc/2010-05-08/">
        <Error><Type>Sender</Type><Code>AccessDenied</Code><Message>User: arn:aws:iam::111122223333:user/ci is not \
      authorized to perform this action</Message></Error>
        <RequestId>c6104cbe-af31-11e0-8154-cbc7ccf896c7</RequestId>
      </ErrorResponse>""";

  @TempDir
  Path dir;

  record Result(int exit, String out, String err) {
    @Override
    public String toString() {
      return "exit " + exit + "\n--- stdout\n" + out + "\n--- stderr\n" + err;
    }
  }

  private Path setup() throws IOException {
    Path setup = dir.resolve("demo.json");
    SpecJson.save(SpecDefaults.tutorial("demo", "us-east-1"), setup);
    return setup;
  }

  private Result java(Map<String, String> environment, String... args) throws Exception {
    var command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("java.class.path"), Main.class.getName()));
    command.addAll(List.of(args));
    var builder = new ProcessBuilder(command).directory(dir.toFile())
        .redirectOutput(dir.resolve("stdout").toFile()).redirectError(dir.resolve("stderr").toFile());
    builder.environment().keySet().removeIf(name -> name.startsWith("AWS_"));
    builder.environment().putAll(Map.of("AWS_CONFIG_FILE", dir.resolve("no-config").toString(),
        "AWS_SHARED_CREDENTIALS_FILE", dir.resolve("no-credentials").toString(), "AWS_EC2_METADATA_DISABLED", "true"));
    builder.environment().putAll(environment);
    Process process = builder.start();
    process.getOutputStream().close();
    assertTrue(process.waitFor(2, TimeUnit.MINUTES), "the command did not end");
    return new Result(process.exitValue(), Files.readString(dir.resolve("stdout"), StandardCharsets.UTF_8),
        Files.readString(dir.resolve("stderr"), StandardCharsets.UTF_8));
  }

  @Test
  void plan_inTheSandbox_printsThePlanOnStdout() throws Exception {
    Path setup = setup();

    Result r = java(Map.of(), "plan", setup.toString(), "--sandbox", "--sandbox-state",
        dir.resolve("sandbox").resolve("account.json").toString());

    assertEquals(0, r.exit(), r::toString);
    assertTrue(r.out().contains("create   iam-role/demo-codebuild"), r::toString);
    assertTrue(r.out().contains("$ aws iam create-role --role-name demo-codebuild"), r::toString);
    assertTrue(r.err().startsWith("Sandbox (simulated account 123456789012, us-east-1)"), r::toString);
  }

  /** As in CI: keys in the environment, and AWS_ENDPOINT_URL (here a loopback fake of AWS) sending calls elsewhere. */
  @Test
  void aws_takesTheEnvironmentsCredentials_andSendsCallsToAwsEndpointUrl() throws Exception {
    Path setup = setup();
    try (FakeAwsServer aws = FakeAwsServer.start().xml(200, IDENTITY).xml(403, DENIED)) {
      var environment = new java.util.HashMap<>(FAKE_KEYS);
      environment.put("AWS_ENDPOINT_URL", aws.endpoint().toString());

      Result r = java(environment, "plan", setup.toString(), "--aws");

      assertTrue(r.err().startsWith("Endpoint " + aws.endpoint() + ": account 111122223333, us-east-1, default"
          + " credentials"), r::toString);
      assertTrue(r.err().contains("Calls run as arn:aws:iam::111122223333:user/ci"), r::toString);
      assertEquals(1, r.exit(), r::toString);
      String authorization = aws.requests().get(0).authorization();
      assertTrue(authorization.startsWith("AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/"), authorization);
      assertTrue(authorization.contains("/us-east-1/sts/aws4_request"), authorization);
    }
  }

  @Test
  void aws_withoutCredentials_saysWhereTheChainLooks() throws Exception {
    Path setup = setup();

    Result r = java(Map.of("HOME", dir.toString()), "plan", setup.toString(), "--aws");

    assertEquals(1, r.exit(), r::toString);
    assertTrue(r.err().startsWith("error: The default credential chain found no AWS credentials. Set"
        + " AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY"), r::toString);
    assertTrue(r.out().isEmpty(), r::toString);
  }
}
