/**
 * AWS CodeConnections (formerly CodeStar Connections): connections, their handshake, tags, and the third-party
 * repositories a connection source reads (CodeConnections API Reference; the botocore model
 * codeconnections/2023-12-01/service-2.json).
 */
package org.bgwizard.sandbox.connections;
