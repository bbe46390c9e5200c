/**
 * The application layer both faces work through: a {@link org.bgwizard.session.Connector} opens a
 * {@link org.bgwizard.session.Session} on one {@link org.bgwizard.aws.Connection}, and the session offers everything
 * the wizard and the commands do with an account (plan, apply, status, teardown, the deployment monitor and its
 * actions, commits and pipeline runs). The composition root ({@code app}) implements it with its thread pools; the
 * faces never build SDK clients or reach the simulated account themselves.
 */
package org.bgwizard.session;
