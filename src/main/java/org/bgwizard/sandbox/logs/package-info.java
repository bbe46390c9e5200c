/**
 * CloudWatch Logs: groups, streams, events, retention and filter patterns (CloudWatch Logs API Reference). Implements
 * {@link org.bgwizard.sandbox.core.Ports.LogSink}, where awslogs and CodeBuild write.
 */
package org.bgwizard.sandbox.logs;
