/**
 * SNS: topics, attributes, tags and a bounded history of what was published (Amazon SNS API Reference).
 */
package org.bgwizard.sandbox.sns;
