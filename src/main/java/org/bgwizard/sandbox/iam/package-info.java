/**
 * IAM: roles, inline and managed policies (the AWS managed ones the sandbox knows are in iam-managed-policies.json),
 * policy validation and evaluation, and propagation delay as other services see it. Its classes cite no AWS page yet;
 * {@link org.bgwizard.sandbox.iam.IamPolicy} marks the error wordings it has not verified. Implements
 * {@link org.bgwizard.sandbox.core.Ports.IamChecks}.
 */
package org.bgwizard.sandbox.iam;
