#!/usr/bin/env bash
# The images' base, made here rather than pulled (no registry is reachable from this machine): a Java 17
# runtime cut by jlink to the modules SerialTrust's jars use, the shared libraries it links (copied
# from this machine's Debian packages), a non-root user 10001, and /tmp. Written as a docker-archive
# tarball, which Jib takes as a base image (tar://). Reproducible: fixed times, sorted entries.
#   deploy/images/base.sh [OUT]     (OUT: deploy/images/target/base.tar)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
out="${1:-${here}/target/base.tar}"
java_home="${ST_IMAGE_JDK:-$(dirname "$(dirname "$(readlink -f "$(command -v javac || command -v java)")")")}"
[[ -d "${java_home}/jmods" ]] || { echo "base.sh: ${java_home} has no jmods (Debian 12: openjdk-17-jdk-headless)" >&2; exit 1; }
# what the api (Spring, Netty, gRPC, SQLite, ImageIO for labels, JMX metrics) and the chaincode server need
modules="java.base,java.desktop,java.logging,java.management,java.naming,java.net.http,java.security.jgss,java.sql,java.xml,jdk.crypto.ec,jdk.management,jdk.unsupported,jdk.zipfs"

work="$(mktemp -d)"
trap 'rm -rf "${work}"' EXIT
root="${work}/root"
mkdir -p "${root}" "$(dirname "${out}")"
"${java_home}/bin/jlink" --module-path "${java_home}/jmods" --add-modules "${modules}" --output "${root}/opt/java" \
  --strip-debug --no-header-files --no-man-pages --compress=2
# a server draws no windows and plays no sound: without these, no X11 or ALSA library comes along
rm -f "${root}/opt/java/lib/libawt_xawt.so" "${root}/opt/java/lib/libjsound.so" "${root}/opt/java/lib/libsplashscreen.so"
# every shared library the runtime links, at the path the loader looks for it
while read -r lib; do
  mkdir -p "${root}$(dirname "${lib}")"
  cp -L "${lib}" "${root}${lib}"
done < <({ find "${root}/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -exec ldd {} \; 2>/dev/null
           # glibc's compatibility libraries, which the jars' own native code (SQLite, Netty) may name
           ldconfig -p | grep -E '/(libpthread\.so\.0|libdl\.so\.2|librt\.so\.1|libresolv\.so\.2)$' | grep x86-64
         } | grep -o '/[^ ]*' | grep -v "^${root}" | sort -u)
mkdir -p "${root}/etc" "${root}/tmp"
chmod 1777 "${root}/tmp"
printf 'root:x:0:0:root:/root:/sbin/nologin\nserialtrust:x:10001:10001:SerialTrust:/tmp:/sbin/nologin\n' >"${root}/etc/passwd"
printf 'root:x:0:\nserialtrust:x:10001:\n' >"${root}/etc/group"

image="${work}/image"
mkdir -p "${image}"
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "${root}" -cf "${image}/layer.tar" .
layer="$(sha256sum "${image}/layer.tar" | cut -d' ' -f1)"
mkdir -p "${image}/${layer}" && mv "${image}/layer.tar" "${image}/${layer}/layer.tar"
cat >"${image}/config.json" <<JSON
{"architecture":"amd64","os":"linux","created":"1970-01-01T00:00:00Z",
 "config":{"User":"10001:10001","WorkingDir":"/tmp","Env":["PATH=/opt/java/bin:/usr/bin:/bin","JAVA_HOME=/opt/java","LANG=C.UTF-8"]},
 "rootfs":{"type":"layers","diff_ids":["sha256:${layer}"]},
 "history":[{"created":"1970-01-01T00:00:00Z","created_by":"deploy/images/base.sh: a jlink runtime of ${modules} and its shared libraries"}]}
JSON
config="$(sha256sum "${image}/config.json" | cut -d' ' -f1)"
mv "${image}/config.json" "${image}/${config}.json"
printf '[{"Config":"%s.json","RepoTags":["serialtrust/base:17"],"Layers":["%s/layer.tar"]}]\n' "${config}" "${layer}" >"${image}/manifest.json"
# named entries, no "./": Jib refuses an archive entry that is the folder itself
tar --sort=name --mtime=@0 --owner=0 --group=0 --numeric-owner -C "${image}" -cf "${out}" \
  manifest.json "${config}.json" "${layer}/layer.tar"
echo "base.sh: ${out} ($(du -h "${out}" | cut -f1)), Java $("${root}/opt/java/bin/java" -version 2>&1 | head -1 | cut -d'"' -f2)"
