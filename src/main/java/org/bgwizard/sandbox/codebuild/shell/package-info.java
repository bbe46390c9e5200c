/**
 * The build interpreter: the part of a POSIX shell buildspec commands use, and the programs a build image offers
 * (echo, printf, jq, docker, the AWS CLI calls builds make), acting on the simulated account through the build run.
 * Docker Hub's limits follow https://www.docker.com/increase-rate-limit.
 */
package org.bgwizard.sandbox.codebuild.shell;
