/**
 * HTTPS certificates for the local server. office-addin-dev-certs installs its CA with sudo, which
 * fails where there is no sudo (Linux containers): we only generate the files when they are missing
 * and read them, leaving the trust step to the user (see README).
 */
const fs = require("fs");
const devCerts = require("office-addin-dev-certs");
const defaults = require("office-addin-dev-certs/lib/defaults");

async function certificateOptions() {
  const files = [defaults.caCertificatePath, defaults.localhostCertificatePath, defaults.localhostKeyPath];
  const expired = () => {
    try {
      const { X509Certificate } = require("crypto");
      const cert = new X509Certificate(fs.readFileSync(defaults.localhostCertificatePath));
      return new Date(cert.validTo).getTime() < Date.now() + 24 * 3600 * 1000;
    } catch {
      return true;
    }
  };
  if (!files.every((f) => fs.existsSync(f)) || expired()) {
    await devCerts.generateCertificates(...files);
  }
  return {
    ca: fs.readFileSync(defaults.caCertificatePath),
    cert: fs.readFileSync(defaults.localhostCertificatePath),
    key: fs.readFileSync(defaults.localhostKeyPath),
  };
}

module.exports = { certificateOptions, caCertificatePath: defaults.caCertificatePath };
