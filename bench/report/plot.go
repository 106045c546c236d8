package main

import (
	"fmt"
	"image/color"
	"path/filepath"

	"gonum.org/v1/plot"
	"gonum.org/v1/plot/plotter"
	"gonum.org/v1/plot/plotutil"
	"gonum.org/v1/plot/vg"
)

// writePlots draws the median wall time and peak RSS of each tool against
// the size N of the synthetic module, on log-log axes, with the minimum and
// maximum of the runs as error bars.
func writePlots(dir string, cells map[key]*cell, sets []string) error {
	ns := synthSizes(sets)
	if len(ns) == 0 {
		return nil
	}
	for _, p := range []struct {
		file, title, ylabel string
		value               func(*cell) stat
	}{
		{"time.png", "Wall time against the number of packages", "wall time (s)", func(c *cell) stat { return c.wall }},
		{"memory.png", "Peak RSS against the number of packages", "peak RSS (MiB)", func(c *cell) stat { return c.rss }},
	} {
		if err := drawPlot(filepath.Join(dir, p.file), p.title, p.ylabel, ns, cells, p.value); err != nil {
			return err
		}
	}
	return nil
}

func drawPlot(path, title, ylabel string, ns []int, cells map[key]*cell, value func(*cell) stat) error {
	p := plot.New()
	p.Title.Text = title
	p.X.Label.Text = "service packages N"
	p.Y.Label.Text = ylabel
	p.X.Scale, p.X.Tick.Marker = plot.LogScale{}, plot.LogTicks{Prec: -1}
	p.Y.Scale, p.Y.Tick.Marker = plot.LogScale{}, plot.LogTicks{Prec: -1}
	p.Legend.Top, p.Legend.Left = true, true
	p.Add(plotter.NewGrid())

	i := 0
	for _, t := range toolOrder {
		var pts plotter.XYs
		var errs plotter.YErrors
		for _, n := range ns {
			c := cells[key{synthSet(n), t.name}]
			if c == nil {
				continue
			}
			s := value(c)
			if s.med <= 0 {
				continue // a log scale cannot show zero
			}
			pts = append(pts, plotter.XY{X: float64(n), Y: s.med})
			errs = append(errs, struct{ Low, High float64 }{s.med - s.min, s.max - s.med})
		}
		if len(pts) == 0 {
			continue
		}
		line, points, err := plotter.NewLinePoints(pts)
		if err != nil {
			return err
		}
		c := plotutil.Color(i)
		line.Color, points.Color = c, c
		points.Shape = plotutil.Shape(i)
		bars, err := plotter.NewYErrorBars(struct {
			plotter.XYs
			plotter.YErrors
		}{pts, errs})
		if err != nil {
			return err
		}
		bars.Color = color.Gray{Y: 120}
		p.Add(line, points, bars)
		p.Legend.Add(t.name, line, points)
		i++
	}
	if i == 0 {
		return fmt.Errorf("%s: nothing to plot", path)
	}
	// Room above the highest line for the legend in the top left corner.
	p.Y.Max *= 8
	return p.Save(7*vg.Inch, 5*vg.Inch, path)
}
