package guard

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"runtime/debug"
	"time"
)

// crashLog is the file in the data folder the Go runtime writes a fatal
// panic to (runtime/debug.SetCrashOutput) besides stderr, which a desktop
// app's user never sees. It stays empty while Singlecam runs well.
const crashLog = "crash.log"

// ReportPrefix starts the name of a kept crash report: "crash-20261203-094500.txt".
const ReportPrefix = "crash-"

// CatchCrashes makes the runtime write any panic that still escapes (on any
// goroutine) into dir's crash log, and keeps the log of the last run if it
// holds one: it is renamed to a report of its own, whose path is returned
// ("" when the last run ended well). Call it once, early, in the app's
// process. now names the report.
func CatchCrashes(dir string, now time.Time) (lastReport string, err error) {
	if err := os.MkdirAll(dir, 0o700); err != nil {
		return "", fmt.Errorf("crash log: %w", err)
	}
	path := filepath.Join(dir, crashLog)
	if info, err := os.Stat(path); err == nil && info.Size() > 0 {
		report := filepath.Join(dir, ReportPrefix+now.Format("20060102-150405")+".txt")
		if err := os.Rename(path, report); err == nil {
			lastReport = report
		}
	} else if err != nil && !errors.Is(err, fs.ErrNotExist) {
		return "", fmt.Errorf("crash log: %w", err)
	}
	f, err := os.OpenFile(path, os.O_WRONLY|os.O_CREATE|os.O_TRUNC, 0o600)
	if err != nil {
		return lastReport, fmt.Errorf("crash log: %w", err)
	}
	defer f.Close() // SetCrashOutput keeps its own descriptor
	if err := debug.SetCrashOutput(f, debug.CrashOptions{}); err != nil {
		return lastReport, fmt.Errorf("crash log: %w", err)
	}
	return lastReport, nil
}
