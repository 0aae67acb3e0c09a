package cli

import (
	"runtime/debug"
	"testing"
)

func TestDescribeFallsBackToTheGoToolsBuildInfo(t *testing.T) {
	vcs := func(kv ...string) []debug.BuildSetting {
		var s []debug.BuildSetting
		for i := 0; i+1 < len(kv); i += 2 {
			s = append(s, debug.BuildSetting{Key: kv[i], Value: kv[i+1]})
		}
		return s
	}
	for _, tc := range []struct {
		name, version, commit string
		info                  debug.BuildInfo
		want                  string
	}{
		{"stamped by the Makefile", "0.1.0", "a93be47", debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "0.1.0 (a93be47)"},
		{"go build in a checkout", "dev", "unknown", debug.BuildInfo{
			Main:     debug.Module{Version: "(devel)"},
			Settings: vcs("vcs.revision", "a93be47f1c2e9d8b7a6f5e4d3c2b1a0987654321", "vcs.time", "2026-11-29T01:40:00Z", "vcs.modified", "false"),
		}, "dev (a93be47f1c2e, 2026-11-29T01:40:00Z)"},
		{"go build with local edits", "dev", "unknown", debug.BuildInfo{
			Main:     debug.Module{Version: "(devel)"},
			Settings: vcs("vcs.revision", "a93be47f1c2e9d8b", "vcs.time", "2026-11-29T01:40:00Z", "vcs.modified", "true"),
		}, "dev (a93be47f1c2e, 2026-11-29T01:40:00Z, with uncommitted changes)"},
		{"go build in a clone (Go 1.24+ makes up a version from the commit)", "dev", "unknown", debug.BuildInfo{
			Main:     debug.Module{Version: "v0.0.0-20261129023142-bc25297a836e+dirty"},
			Settings: vcs("vcs.revision", "bc25297a836e1fe9e2fa7fb58aefa5822c00a6da", "vcs.time", "2026-11-29T02:31:42Z", "vcs.modified", "true"),
		}, "dev (bc25297a836e, 2026-11-29T02:31:42Z, with uncommitted changes)"},
		{"go install of a tagged version", "dev", "unknown", debug.BuildInfo{Main: debug.Module{Version: "v0.2.0"}}, "0.2.0 (unknown commit)"},
		{"go install of a pseudo-version", "dev", "unknown", debug.BuildInfo{Main: debug.Module{Version: "v0.0.0-20261129014000-a93be47f1c2e"}}, "0.0.0-20261129014000-a93be47f1c2e (unknown commit)"},
		{"no information at all", "dev", "unknown", debug.BuildInfo{Main: debug.Module{Version: "(devel)"}}, "dev (unknown commit)"},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := describe(tc.version, tc.commit, &tc.info); got != tc.want {
				t.Errorf("describe = %q, want %q", got, tc.want)
			}
		})
	}
}
