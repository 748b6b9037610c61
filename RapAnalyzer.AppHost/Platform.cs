// A local run starts servers from Debian's packages and signals processes the POSIX way.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
