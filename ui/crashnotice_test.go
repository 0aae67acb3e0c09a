package ui

import (
	"os"
	"path/filepath"
	"strings"
	"testing"

	"fyne.io/fyne/v2/test"

	"singlecam/ui/internal/uitest"
)

func TestAStartAfterACrashSaysSoWithTheReportAndCopiesIt(t *testing.T) {
	e := newTestEnv(t)
	report := filepath.Join(e.dataDir, "crash-20261203-094500.txt")
	os.WriteFile(report, []byte("panic: assignment to entry in nil map\n\ngoroutine 7 [running]:\n"), 0o600)
	e.ui.opts.LastCrash = report
	e.signedIn(t)
	n := e.ui.crash
	if n == nil {
		t.Fatal("no notice")
	}
	overlay := e.ui.win.Canvas().Overlays().Top()
	if overlay == nil {
		t.Fatal("the notice is not shown")
	}
	texts := uitest.Texts(overlay)
	if !strings.Contains(texts, CrashTitle) || n.path.Full != report {
		t.Errorf("the notice does not say so, or names %q:\n%s", n.path.Full, texts)
	}
	test.Tap(uitest.Button(t, overlay, "Copy the report"))
	if got := e.ui.app.Clipboard().Content(); !strings.HasPrefix(got, "panic: assignment to entry in nil map") {
		t.Errorf("the clipboard holds %q", got)
	}
	if n.copied.Text == "" {
		t.Error("Copy says nothing")
	}
}

func TestAStartAfterACleanRunSaysNothing(t *testing.T) {
	e := newTestEnv(t)
	e.signedIn(t)
	if e.ui.crash != nil || e.ui.win.Canvas().Overlays().Top() != nil {
		t.Error("a notice after a clean run")
	}
}
