/**
 * S3: buckets and objects of one region, versioning, tags, public access block, default encryption and EventBridge
 * notifications ("Using EventBridge" and "EventBridge event message structure", Amazon S3 User Guide).
 * Its buckets and objects are part of the {@link org.bgwizard.sandbox.core.Ports.Sources} pipelines and builds read
 * (wired in {@code org.bgwizard.sandbox.S3CodeCommitSources}).
 */
package org.bgwizard.sandbox.s3;
