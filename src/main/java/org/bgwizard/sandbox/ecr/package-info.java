/**
 * ECR: repositories, images by tag and digest, lifecycle policies, and what a task pulls (Amazon ECR API Reference,
 * Amazon ECR User Guide). Implements {@link org.bgwizard.sandbox.core.Ports.Registry}.
 */
package org.bgwizard.sandbox.ecr;
