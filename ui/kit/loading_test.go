package kit

import (
	"reflect"
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

func TestTheLoadingScreenSaysWhatHappensAndSpins(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("window"))
	screen := Loading(w, "Starting…")
	w.SetContent(screen)
	column := screen.(*fyne.Container).Objects[0].(*fyne.Container).Objects
	if label, ok := column[1].(*widget.Label); !ok || label.Text != "Starting…" {
		t.Errorf("the loading screen says %v", column[1])
	}
	// Fyne's activity says whether it runs nowhere else.
	if dots := column[0].(*widget.Activity); !reflect.ValueOf(dots).Elem().FieldByName("started").Bool() {
		t.Error("the loading screen's dots do not spin")
	}
}

// Issue 23: the "Starting…" screen's dots went on spinning behind the
// main screen, and each of their frames redrew the whole window.
func TestTheLoadingDotsStopOnceTheWindowShowsSomethingElse(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("the welcome screen"))
	screen := widget.NewLabel("Starting…")
	stops := 0
	tick := stopWhenReplaced(w, screen, func() { stops++ })
	for _, step := range []struct {
		show      fyne.CanvasObject // nil: the window shows what it did
		wantStops int
	}{
		{screen, 0},
		{nil, 0},
		{widget.NewLabel("the main screen"), 1},
		{nil, 1},
		{screen, 1}, // stopped for good
		{widget.NewLabel("another screen"), 1},
	} {
		if step.show != nil {
			w.SetContent(step.show)
		}
		tick(0.5)
		if stops != step.wantStops {
			t.Fatalf("with %v shown: stopped %d times, want %d", w.Content(), stops, step.wantStops)
		}
	}
}

// keyField is an entry that says when it loses the focus.
type keyField struct {
	widget.Entry
	lost bool
}

func (k *keyField) FocusLost() {
	k.lost = true
	k.Entry.FocusLost()
}

// The welcome screen's key field kept the focus, unseen, behind the demo:
// Fyne's SetContent does not tell a widget it lost the focus, so its
// cursor went on blinking.
func TestTheLoadingScreenTakesTheFocusAwayFromTheScreenItReplaces(t *testing.T) {
	test.NewTempApp(t)
	key := &keyField{}
	key.ExtendBaseWidget(key)
	w := test.NewTempWindow(t, key)
	w.Canvas().Focus(key)
	w.SetContent(Loading(w, "Starting the demo…"))
	if !key.lost {
		t.Error("the key field was not told it lost the focus: its cursor blinks on behind the loading screen")
	}
}
