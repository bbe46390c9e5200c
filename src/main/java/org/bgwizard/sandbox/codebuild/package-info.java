/**
 * CodeBuild: projects, builds walking their phases, buildspec files, environment variables (Secrets Manager included),
 * source and artifacts zips, and build logs (CodeBuild API Reference). The commands of a build run in
 * {@link org.bgwizard.sandbox.codebuild.shell}.
 */
package org.bgwizard.sandbox.codebuild;
