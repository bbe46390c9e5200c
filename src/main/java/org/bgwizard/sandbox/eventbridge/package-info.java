/**
 * EventBridge's default bus: rules, event patterns, targets, and delivery of the events other services put to the
 * pipelines they start ("Amazon EventBridge event patterns", EventBridge User Guide; EventBridge API Reference).
 * Implements {@link org.bgwizard.sandbox.core.Ports.Events}.
 */
package org.bgwizard.sandbox.eventbridge;
