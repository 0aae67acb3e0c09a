package preview

import (
	"fyne.io/fyne/v2"
	"fyne.io/fyne/v2/theme"
)

// tableLayout lays cells out in rows of cols, left to right: each column
// as wide as its widest cell (a grid's equal columns would make every
// number as wide as the longest), a padding between columns, none between
// rows (a label has its own).
type tableLayout struct{ cols int }

// sizes are the columns' widths and the rows' heights.
func (l *tableLayout) sizes(objs []fyne.CanvasObject) (widths, heights []float32) {
	widths = make([]float32, l.cols)
	for i, o := range objs {
		m := o.MinSize()
		if i%l.cols == 0 {
			heights = append(heights, 0)
		}
		widths[i%l.cols] = max(widths[i%l.cols], m.Width)
		heights[len(heights)-1] = max(heights[len(heights)-1], m.Height)
	}
	return widths, heights
}

// MinSize is every column side by side and every row stacked.
func (l *tableLayout) MinSize(objs []fyne.CanvasObject) fyne.Size {
	widths, heights := l.sizes(objs)
	var s fyne.Size
	for i, w := range widths {
		s.Width += w
		if i > 0 {
			s.Width += theme.Padding()
		}
	}
	for _, h := range heights {
		s.Height += h
	}
	return s
}

// Layout places the cells at their columns' widths, from the left.
func (l *tableLayout) Layout(objs []fyne.CanvasObject, _ fyne.Size) {
	widths, heights := l.sizes(objs)
	var x, y float32
	for i, o := range objs {
		c := i % l.cols
		if c == 0 {
			x = 0
			if i > 0 {
				y += heights[i/l.cols-1]
			}
		}
		o.Move(fyne.NewPos(x, y))
		o.Resize(fyne.NewSize(widths[c], heights[i/l.cols]))
		x += widths[c] + theme.Padding()
	}
}
