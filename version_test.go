package main

import (
	"testing"

	"fyne.io/fyne/v2"
)

func TestTheWindowShowsAVersionOfSinglecamNotFynesDefault(t *testing.T) {
	for _, tc := range []struct {
		name string
		meta fyne.AppMetadata
		want string
	}{
		// A plain 'go build': Fyne's default metadata, whose "0.0.1" is Fyne's.
		{"plain build", fyne.AppMetadata{Version: "0.0.1", Build: 1}, "dev (abc123def456)"},
		// The Fyne tool's package: FyneApp.toml's ID and version are embedded.
		{"packaged", fyne.AppMetadata{ID: "app.singlecam.Singlecam", Version: "0.1.0"}, "0.1.0 (unknown)"},
		{"packaged without a version", fyne.AppMetadata{ID: "app.singlecam.Singlecam"}, "dev (abc123def456)"},
	} {
		if got := appVersion("dev (abc123def456)", tc.meta); got != tc.want {
			t.Errorf("%s: the window shows %q, want %q", tc.name, got, tc.want)
		}
	}
}
