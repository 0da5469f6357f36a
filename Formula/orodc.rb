# Homebrew formula for orodc, in a tap layout: brew tap orodc/orodc https://github.com/orodc/orodc
# It installs the release archive that .ci/release-archive builds; the release job writes this file with the
# new version and sha256 (attached to the release as orodc.rb), to be committed here.
class Orodc < Formula
  desc "Local HTTPS, /etc/hosts sync and SOCKS5 for Docker web projects (*.docker.local)"
  homepage "https://github.com/orodc/orodc"
  url "https://github.com/orodc/orodc/releases/download/v0.1.0/orodc-0.1.0.tar.gz"
  sha256 "0000000000000000000000000000000000000000000000000000000000000000"

  depends_on "openjdk"

  def install
    libexec.install "bin", "lib"
    # the launcher finds lib/quarkus-app beside its own bin/; the wrapper gives it Homebrew's Java
    # unless JAVA_HOME names another one
    (bin/"orodc").write_env_script libexec/"bin/orodc", Language::Java.overridable_java_home_env
    bash_completion.install "share/bash-completion/completions/orodc"
    pkgshare.install "share/orodc/orodc-completion.zsh", "share/orodc/orodc-dispatch.sh"
  end

  def caveats
    <<~EOS
      zsh completion: add to ~/.zshrc
        source #{opt_pkgshare}/orodc-completion.zsh

      Beside the bash OroDC, which keeps the name orodc: link this one as orodc-proxy
        ln -s #{opt_bin}/orodc /usr/local/bin/orodc-proxy
      and source the snippet from ~/.zshrc or ~/.bashrc
        source #{opt_pkgshare}/orodc-dispatch.sh
    EOS
  end

  test do
    assert_match "orodc #{version}", shell_output("#{bin}/orodc --version")
    # no Docker here (DOCKER_HOST names a socket that is not there): the report still comes, as JSON, with
    # the exit code proxy-status documents for an unreachable engine
    ENV["ORODC_HOME"] = testpath/"orodc"
    ENV["DOCKER_HOST"] = "unix://#{testpath}/no-docker.sock"
    report = JSON.parse(shell_output("#{bin}/orodc proxy-status --json", 3))
    assert_equal 3, report["exitCode"]
    assert_equal "FAIL", report["checks"].find { |c| c["id"] == "docker" }["status"]
  end
end
