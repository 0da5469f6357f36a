package com.orodc.docker;

import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;
import java.security.SecureRandom;

/**
 * The TLS context of a client that talks plain HTTP (a local socket, tcp without DOCKER_TLS_VERIFY). Without
 * one, the HTTP client builds the JVM's default context, reading the CA store, for a connection that never
 * uses it; this one is never used either, and says so if it ever is.
 */
final class NoTls {
    private NoTls() {
    }

    static SSLContext context() {
        return new SSLContext(new Unused(), null, "none") {
        };
    }

    private static final class Unused extends SSLContextSpi {
        private static IllegalStateException unused() {
            return new IllegalStateException("TLS on a Docker endpoint without DOCKER_TLS_VERIFY=1");
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) {
            throw unused();
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            throw unused();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            throw unused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            throw unused();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            throw unused();
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            throw unused();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            throw unused();
        }
    }
}
