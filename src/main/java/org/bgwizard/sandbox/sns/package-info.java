/**
 * SNS: topics, attributes, tags, a bounded history of what was published, subscriptions with the e-mail confirmation
 * handshake, and the simulated inbox that receives the e-mail (Amazon SNS API Reference: Subscribe,
 * ConfirmSubscription, Publish).
 */
package org.bgwizard.sandbox.sns;
