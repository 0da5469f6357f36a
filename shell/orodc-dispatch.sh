#!/usr/bin/env bash
# Beside the bash OroDC, which keeps the name `orodc`: source this file from ~/.bashrc or ~/.zshrc
# (`. /path/to/orodc-dispatch.sh`) and `orodc install-proxy`, `orodc proxy ...`, `orodc proxy-status` and the
# other proxy commands run this project's launcher, linked as `orodc-proxy`; everything else runs the bash
# OroDC's `orodc` as before. ORODC_PROXY_COMMAND names another program for the proxy side.
# Works in bash and zsh. Which commands go where is checked against orodc's command tree by a test.

orodc() {
  case "${1:-}" in
    install-proxy | uninstall-proxy | export-proxy-cert | proxy | proxy-*)
      command "${ORODC_PROXY_COMMAND:-orodc-proxy}" "$@"
      ;;
    *)
      command orodc "$@"
      ;;
  esac
}
