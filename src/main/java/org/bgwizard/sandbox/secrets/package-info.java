/**
 * Secrets Manager: secrets, versions and staging labels, recovery windows, and values kept in this process's memory
 * only (AWS Secrets Manager API Reference, GetSecretValue errors). Implements
 * {@link org.bgwizard.sandbox.core.Ports.Secrets} for CodeBuild.
 */
package org.bgwizard.sandbox.secrets;
