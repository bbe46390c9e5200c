/**
 * S3: buckets and objects of one region, versioning, tags, public access block, default encryption and EventBridge
 * notifications ("Using EventBridge" and "EventBridge event message structure", Amazon S3 User Guide).
 * {@link org.bgwizard.sandbox.s3.S3CodeCommitSources} is the {@link org.bgwizard.sandbox.core.Ports.Sources} pipelines
 * and builds read.
 */
package org.bgwizard.sandbox.s3;
