/**
 * Hands a setup over to other tools: a CloudFormation template of the whole setup, the files to import a live setup
 * into a stack (resource import: "Import AWS resources into a CloudFormation stack manually", CloudFormation User
 * Guide), and the plan as a shell script of AWS CLI commands. Pure functions from the spec, the journal and the plan;
 * no AWS call.
 */
package org.bgwizard.export;
