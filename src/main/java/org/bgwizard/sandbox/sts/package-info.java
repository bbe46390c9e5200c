/**
 * STS: GetCallerIdentity for the learner, an IAM user of the simulated account.
 */
package org.bgwizard.sandbox.sts;
