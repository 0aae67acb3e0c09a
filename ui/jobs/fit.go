package jobs

import (
	"strings"

	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
	"fyne.io/fyne/v2/widget"
)

// fitLabel is a one-line label that shows the longest of its texts that
// fits its width whole, instead of cutting one short: at 900 px a row said
// "Failed: Move could not pro…", which tells nothing. Only when even the
// shortest does not fit is it cut, with an ellipsis.
type fitLabel struct {
	widget.Label
	texts []string // longest first
}

func newFitLabel() *fitLabel {
	l := &fitLabel{}
	l.Truncation = fyne.TextTruncateEllipsis // never widens the row
	l.ExtendBaseWidget(l)
	return l
}

// SetTexts sets what the label may say, longest (best) first.
func (l *fitLabel) SetTexts(texts []string) {
	l.texts = texts
	l.pick(l.Size().Width)
}

// Resize picks the text for the new width.
func (l *fitLabel) Resize(s fyne.Size) {
	l.pick(s.Width)
	l.Label.Resize(s)
}

// pick shows the first text that fits width whole (the first of all
// before the label has a width).
func (l *fitLabel) pick(width float32) {
	text := ""
	for _, t := range l.texts {
		text = t
		if width <= 0 || l.fits(t, width) {
			break
		}
	}
	if text != l.Text {
		l.SetText(text)
	}
}

// fits reports whether t fits width on one line, with the label's insets.
func (l *fitLabel) fits(t string, width float32) bool {
	size := theme.TextSize()
	if l.SizeName != "" {
		size = theme.Size(l.SizeName)
	}
	// A scroll bar's width to spare: the list's bar lies over the rows'
	// right end, and a line that ran to the edge read as cut (tester 4).
	return fyne.MeasureText(t, size, l.TextStyle).Width+2*theme.InnerPadding()+theme.ScrollBarSize() <= width
}

// rowTexts are what a row may say of its state, longest first, each whole:
// when (ago) and the state's first sentence; then shorter forms that stay
// whole: the sentence without its trailing " · " parts ("Uploading 812 MB
// of 3.9 GB · 24 MB/s" without "· 2 min left"), without an aside in
// brackets, without what follows its first comma after the colon ("Saved:
// 8 files"), without its head when the chip beside it says it ("Move could
// not process this video." beside "● Failed"), and at last the head alone
// ("Failed", "Not downloaded"). Each comes with "when" first, then
// without. The details pane says the whole of it.
func rowTexts(ago, detail, chip string) []string {
	first := firstSentence(detail)
	forms := []string{first}
	for s := first; strings.Contains(s, " · "); {
		s = s[:strings.LastIndex(s, " · ")]
		forms = append(forms, s)
	}
	last := forms[len(forms)-1]
	if paren := strings.Index(last, " ("); paren > 0 {
		last = last[:paren]
		forms = append(forms, last)
	}
	if colon := strings.Index(last, ": "); colon > 0 {
		if comma := strings.Index(last[colon:], ", "); comma > 0 {
			forms = append(forms, last[:colon+comma])
		}
		if strings.EqualFold(last[:colon], chip) {
			forms = append(forms, last[colon+2:]) // the chip beside it says the head
		}
		forms = append(forms, last[:colon])
	}
	var out []string
	seen := map[string]bool{}
	add := func(s string) {
		if s != "" && !seen[s] {
			seen[s] = true
			out = append(out, s)
		}
	}
	for _, f := range forms {
		if ago != "" && f != "" {
			add(ago + " · " + f)
		}
		add(f)
	}
	if len(out) == 0 {
		add(ago)
	}
	return out
}
