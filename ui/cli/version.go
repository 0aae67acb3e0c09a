package cli

import (
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

func describe(version, commit string, info *debug.BuildInfo) string {
	if version == "dev" && info.Main.Version != "" && info.Main.Version != "(devel)" {
		version = strings.TrimPrefix(info.Main.Version, "v")
	}
	if commit != "unknown" {
		return version + " (" + commit + ")"
	}
	settings := map[string]string{}
	for _, s := range info.Settings {
		settings[s.Key] = s.Value
	}
	rev := settings["vcs.revision"]
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
