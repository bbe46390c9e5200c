package org.bgwizard.sandbox.sns;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.bgwizard.sandbox.core.SandboxAccount;

/**
 * The simulated inbox: where SNS's e-mail to subscribed addresses arrives, since the sandbox sends no real mail. A
 * confirmation request when an e-mail endpoint subscribes ("Subscribe": "sending the endpoint a confirmation
 * message"), and each published message to every CONFIRMED e-mail subscriber (pending ones receive nothing). A
 * message published with MessageStructure json gives e-mail its {@code email} text, else its {@code default}
 * ("Publish", API Reference: "Amazon SNS uses the default key for any protocol not specified"). The footer texts
 * paraphrase the mails AWS sends (their exact wording is not documented: unv). Bounded to the newest
 * {@link #KEPT} mails.
 */
public final class SnsInbox {
  static final int KEPT = 200;
  /** The subject when the publisher gave none (unv: what AWS's e-mail shows). */
  static final String DEFAULT_SUBJECT = "AWS Notification Message";
  static final String CONFIRMATION_SUBJECT = "AWS Notification - Subscription Confirmation";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final SandboxAccount account;

  public SnsInbox(SandboxAccount account) {
    this.account = account;
  }

  private List<SnsState.Mail> mails() {
    return account.state(SnsState.class).inbox;
  }

  /** Every mail, oldest first (a copy). */
  public List<SnsState.Mail> all() {
    return List.copyOf(mails());
  }

  private String endpointBase() {
    return "https://sns." + account.region() + ".amazonaws.com/";
  }

  private static String q(String s) {
    return URLEncoder.encode(s, StandardCharsets.UTF_8);
  }

  void confirmationRequest(SnsState.Topic t, SnsState.Subscription s) {
    String link = endpointBase() + "confirmation.html?TopicArn=" + q(t.arn) + "&Token=" + s.token + "&Endpoint="
        + q(s.endpoint);
    add(t.arn, s.endpoint, CONFIRMATION_SUBJECT, "You have chosen to subscribe to the topic:\n" + t.arn + "\n\n"
        + "To confirm this subscription, click or visit the link below (If this was in error no action is"
        + " necessary):\n" + link + "\n", null);
  }

  /** Delivers a published message to each confirmed e-mail subscriber of the topic. */
  void deliver(SnsState.Topic t, List<SnsState.Subscription> subscribers, SnsState.Message m, String structure) {
    for (SnsState.Subscription s : subscribers) {
      if (!s.status.equals("CONFIRMED") || !s.protocol.startsWith("email")) {
        continue;
      }
      String text = s.protocol.equals("email-json") ? jsonEnvelope(t, m, forProtocol(m.body, structure, "email-json"))
          : forProtocol(m.body, structure, "email") + "\n\n--\nIf you wish to stop receiving notifications from this"
              + " topic, please click or visit the link below to unsubscribe:\n" + endpointBase()
              + "unsubscribe.html?SubscriptionArn=" + q(s.arn) + "&Endpoint=" + q(s.endpoint) + "\n";
      add(t.arn, s.endpoint, m.subject != null ? m.subject : DEFAULT_SUBJECT, text, m.id);
    }
  }

  /** The text for {@code protocol}: with MessageStructure json, its key or {@code default}. */
  static String forProtocol(String message, String structure, String protocol) {
    if (!"json".equals(structure)) {
      return message;
    }
    try {
      JsonNode doc = JSON.readTree(message);
      JsonNode text = doc.has(protocol) ? doc.get(protocol) : doc.get("default");
      return text == null ? message : text.asText();
    } catch (java.io.IOException e) {
      return message;
    }
  }

  private String jsonEnvelope(SnsState.Topic t, SnsState.Message m, String text) {
    var n = JSON.createObjectNode().put("Type", "Notification").put("MessageId", m.id).put("TopicArn", t.arn);
    if (m.subject != null) {
      n.put("Subject", m.subject);
    }
    n.put("Message", text).put("Timestamp", m.at.toString());
    return n.toPrettyString();
  }

  private void add(String topicArn, String recipient, String subject, String body, String messageId) {
    var mail = new SnsState.Mail();
    mail.id = account.ids().uuid();
    mail.at = account.now();
    mail.topicArn = topicArn;
    mail.recipient = recipient;
    mail.subject = subject;
    mail.body = body;
    mail.messageId = messageId;
    mails().add(mail);
    while (mails().size() > KEPT) {
      mails().remove(0);
    }
  }
}
