package org.bgwizard.sandbox.codepipeline;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.Optional;
import org.bgwizard.sandbox.codepipeline.CodePipelineState.Action;
import org.bgwizard.sandbox.codepipeline.CodePipelineState.ActionRun;
import org.bgwizard.sandbox.codepipeline.CodePipelineState.Pipeline;
import org.bgwizard.sandbox.core.Ports;
import org.bgwizard.sandbox.core.SandboxAccount;

/**
 * What a manual approval action with a NotificationArn publishes when the run reaches it ("Manage approval actions in
 * CodePipeline": "publish a message to an Amazon SNS topic when the pipeline stops at the action"; the pipeline's
 * service role needs sns:Publish on the topic). The message is the JSON of "JSON data format for manual approval
 * notifications in CodePipeline" (region, consoleLink, approval{pipelineName, stageName, actionName, token, expires,
 * externalEntityLink, approvalReviewLink, customData}); e-mail subscribers get it as text, after the sample e-mail of
 * "Approve or reject an approval action in CodePipeline" (pipeline details, the approve-or-reject link, additional
 * information, content to review, deadline) — sent here as Publish's MessageStructure json with an {@code email} text
 * (inf: how CodePipeline splits the two is not documented; the subject is the one the sample shows, unv).
 */
final class ApprovalNotifications {
  private static final ObjectMapper JSON = new ObjectMapper();
  private static final DateTimeFormatter EXPIRES = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm'Z'")
      .withZone(ZoneOffset.UTC);

  private ApprovalNotifications() {}

  /** Publishes the approval request; returns why it could not (the action then fails), else empty. */
  static Optional<String> publish(SandboxAccount account, Ports ports, Pipeline p, String stageName, Action a,
      ActionRun r, Map<String, String> configuration, Instant expires) {
    String topic = configuration.get("NotificationArn");
    if (topic == null || topic.isBlank()) {
      return Optional.empty();
    }
    String role = a.roleArn != null ? a.roleArn : p.roleArn;
    if (ports.iamChecks != null && !ports.iamChecks.allows(role, "sns:Publish", topic, null)) {
      // (unv) wording
      return Optional.of("The approval notification could not be published: the pipeline's role " + role
          + " is not authorized to perform SNS:Publish on " + topic);
    }
    if (ports.notifier == null) {
      throw new IllegalStateException("sandbox port Notifier not wired");
    }
    String consoleLink = "https://console.aws.amazon.com/codepipeline/home?region=" + account.region() + "#/view/"
        + p.name;
    String reviewLink = consoleLink + "/" + stageName + "/" + a.name + "/approve/" + r.token;
    ObjectNode doc = JSON.createObjectNode().put("region", account.region()).put("consoleLink", consoleLink);
    ObjectNode approval = doc.putObject("approval").put("pipelineName", p.name).put("stageName", stageName)
        .put("actionName", a.name).put("token", r.token).put("expires", EXPIRES.format(expires))
        .put("externalEntityLink", configuration.get("ExternalEntityLink"))
        .put("approvalReviewLink", reviewLink).put("customData", configuration.get("CustomData"));
    String email = "Hello,\n\nThe following Approval action is waiting for your response:\n\n--Pipeline Details--\n\n"
        + "Pipeline name: " + p.name + "\nStage name: " + stageName + "\nAction name: " + a.name + "\nRegion: "
        + account.region() + "\n\n--Approval Details--\n\nApprove or reject: " + reviewLink + "\n"
        + (configuration.containsKey("CustomData") ? "Additional information: " + configuration.get("CustomData")
            + "\n" : "")
        + (configuration.containsKey("ExternalEntityLink") ? "Content to review: "
            + configuration.get("ExternalEntityLink") + "\n" : "")
        + "Deadline: This review request will expire on " + approval.path("expires").asText()
        + "\n\nSincerely,\nAmazon Web Services\n";
    ObjectNode message = JSON.createObjectNode().put("default", doc.toString()).put("email", email);
    String subject = "APPROVAL NEEDED: AWS CodePipeline " + p.name + " for action " + a.name;
    if (subject.length() > 100) {
      subject = subject.substring(0, 100);
    }
    return ports.notifier.publish(topic, subject, message.toString(), "json")
        .map(error -> "The approval notification could not be published to " + topic + ": " + error); // (unv)
  }
}
