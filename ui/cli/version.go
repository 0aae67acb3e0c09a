package cli

import (
	"regexp"
	"runtime/debug"
	"strings"
)

// Describe says which build this is: the version and commit stamped by the
// Makefile, else what the Go tool recorded in the binary (the module's
// version for 'go install ...@v1.2.3', the git revision and its time for a
// plain 'go build' in a checkout), so no build calls itself just "dev".
func Describe(version, commit string) string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return version + " (" + commit + ")"
	}
	return describe(version, commit, info)
}

// pseudoVersion matches the version the Go tool makes up from a commit
// (v0.0.0-20261129014000-a93be47f1c2e, perhaps with +dirty).
var pseudoVersion = regexp.MustCompile(`-(\d+\.)?\d{14}-[0-9a-f]{12}(\+dirty)?$`)

func describe(version, commit string, info *debug.BuildInfo) string {
	settings := map[string]string{}
	for _, s := range info.Settings {
		settings[s.Key] = s.Value
	}
	rev := settings["vcs.revision"]
	if v := info.Main.Version; version == "dev" && v != "" && v != "(devel)" &&
		!(pseudoVersion.MatchString(v) && rev != "") { // a made-up version says less than the commit
		version = strings.TrimPrefix(v, "v")
	}
	if commit != "unknown" {
		return version + " (" + commit + ")"
	}
	if rev == "" {
		return version + " (unknown commit)"
	}
	if len(rev) > 12 {
		rev = rev[:12]
	}
	parts := []string{rev}
	if t := settings["vcs.time"]; t != "" {
		parts = append(parts, t)
	}
	if settings["vcs.modified"] == "true" {
		parts = append(parts, "with uncommitted changes")
	}
	return version + " (" + strings.Join(parts, ", ") + ")"
}
