/**
 * What the wizard's window and its pages share besides the setup: the connected session and how to make one
 * ({@link org.bgwizard.ui.services.WizardSession}), the dashboards opened over it, and the recent setups. The
 * pages and the window both depend on it; it depends on neither.
 */
package org.bgwizard.ui.services;
