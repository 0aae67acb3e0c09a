package kit

import (
	"testing"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/test"
	"fyne.io/fyne/v2/widget"
)

// Tester 2: in a question that costs money the keep button has the focus,
// so Return pays for nothing, and Escape says no; a message dialog's Close
// has the focus and Escape closes it.
func TestAQuestionThatCostsMoneyDefaultsToKeeping(t *testing.T) {
	test.NewTempApp(t)
	w := test.NewTempWindow(t, widget.NewLabel("window"))
	w.Resize(fyne.NewSize(600, 400))
	for _, key := range []fyne.KeyName{fyne.KeyReturn, fyne.KeyEscape} {
		answers := []bool{}
		AskToPay(w, "Submit again?", "A new job costs money.", "Submit again", "Cancel", 100, func(ok bool) { answers = append(answers, ok) })
		f, ok := w.Canvas().Focused().(*Button)
		if !ok || f.Text != "Cancel" {
			t.Fatalf("the focus is on %v, not Cancel", w.Canvas().Focused())
		}
		f.TypedKey(&fyne.KeyEvent{Name: key})
		if len(answers) != 1 || answers[0] {
			t.Errorf("%s answered %v", key, answers)
		}
	}
	d := Inform(w, "Exported", "Exported walk - blender.glb.")
	closed := false
	d.SetOnClosed(func() { closed = true })
	w.Canvas().Focused().TypedKey(&fyne.KeyEvent{Name: fyne.KeyEscape})
	if !closed {
		t.Error("Escape left the message open")
	}
}
