package cli

import (
	"fmt"
	"io"
	"strings"

	"singlecam/core/engine"
	"singlecam/core/paths"
)

// newEngine builds the engine the commands share, with the key from
// MOVE_API_KEY or the OS keyring and the endpoint from MOVE_UGC_ENDPOINT_URL.
func newEngine(downloadDir string, autoDownload bool, onEvent func(engine.Event)) (*engine.Engine, error) {
	key, _, err := engine.LookupKey()
	if err != nil {
		return nil, err
	}
	dataDir, err := paths.DataDir()
	if err != nil {
		return nil, fmt.Errorf("find the data folder: %w", err)
	}
	cfg := engine.Config{Key: key, DataDir: dataDir, DownloadDir: downloadDir, AutoDownload: autoDownload}
	if tuneEngine != nil {
		tuneEngine(&cfg)
	}
	return engine.New(cfg, onEvent)
}

// tuneEngine, set by tests only, speeds the engine up against a fast
// simulator (polls every few milliseconds instead of seconds).
var tuneEngine func(*engine.Config)

// fail prints an error for a person and returns the exit code 1.
func fail(stderr io.Writer, err error) int {
	msg := engine.ExplainInTerminal(err)
	if strings.Contains(msg, "\n") {
		fmt.Fprintf(stderr, "singlecam: cannot go on:\n  %s\n", strings.ReplaceAll(msg, "\n", "\n  "))
	} else {
		fmt.Fprintln(stderr, "singlecam:", msg)
	}
	return 1
}

// splitList reads "a,b, c" as [a b c].
func splitList(s string) []string {
	var out []string
	for _, part := range strings.Split(s, ",") {
		if part = strings.TrimSpace(part); part != "" {
			out = append(out, part)
		}
	}
	return out
}
