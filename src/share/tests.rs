//! The share-group bookkeeping: a change made through `fig[ax]` reaches the group without
//! a sync call, reads see the group, and an unchanged figure is laid out as it is.

use super::*;
use crate::subplots::{Share, SubplotsOptions};
use crate::ticks::AxisScale;

fn two(sharex: Share, sharey: Share) -> (Figure, Vec<AxesId>) {
    let mut fig = Figure::default();
    let opts = SubplotsOptions::default().sharex(sharex).sharey(sharey);
    let axs = fig.subplots(2, 1, opts).expect("subplots");
    (fig, axs)
}

#[test]
fn a_scale_set_on_one_member_reaches_the_group_at_the_next_borrow_or_layout() {
    let (mut fig, axs) = two(Share::Col, Share::None);
    fig[axs[1]].set_xscale(AxisScale::LOG10);
    // Not yet copied, but what the figure draws has it.
    assert_eq!(fig.axes[0].plot.x.scale, AxisScale::Linear);
    assert!(matches!(fig.resolved(), Cow::Owned(_)));
    assert_eq!(fig.resolved().axes[0].plot.x.scale, AxisScale::LOG10);
    // The next borrow of any Axes flushes it.
    fig[axs[0]].set_title("t");
    assert_eq!(fig.axes[0].plot.x.scale, AxisScale::LOG10);
    assert!(matches!(fig.resolved(), Cow::Borrowed(_)));
    // y is not shared.
    fig[axs[1]].set_yscale(AxisScale::LOG10);
    assert!(matches!(fig.resolved(), Cow::Borrowed(_)));
}

#[test]
fn set_xlim_with_a_none_side_reads_the_group_view_with_the_callers_margins() {
    let (mut fig, axs) = two(Share::Col, Share::None);
    fig[axs[0]]
        .plot(vec![0.0, 10.0], vec![0.0, 1.0])
        .expect("plot");
    fig[axs[1]].margins(Some(0.5), None).expect("margins");
    // The group's data (0, 10) with the second Axes' margins: (-5, 15); right set to 20.
    assert_eq!(fig[axs[1]].get_xlim(), (-5.0, 15.0));
    assert_eq!(
        fig[axs[1]].set_xlim(None, Some(20.0)).ok(),
        Some((-5.0, 20.0))
    );
    assert_eq!(fig.get_xlim(axs[0]).ok(), Some((-5.0, 20.0)));
    fig[axs[0]].set_title("flush");
    assert_eq!(fig.axes[0].plot.x.lim, (-5.0, 20.0));
    assert!(!fig.axes[0].plot.x.auto);
}

#[test]
fn invert_unstales_the_whole_group() {
    let (mut fig, axs) = two(Share::None, Share::All);
    fig[axs[0]]
        .plot(vec![0.0, 1.0], vec![0.0, 10.0])
        .expect("plot");
    fig[axs[0]].margins(None, Some(0.0)).expect("margins");
    fig[axs[1]]
        .plot(vec![0.0, 1.0], vec![2.0, 3.0])
        .expect("plot");
    fig[axs[1]].invert_yaxis();
    // Autoscaled now with the second Axes' margins (0.05), then reversed.
    assert_eq!(fig.get_ylim(axs[0]).ok(), Some((10.5, -0.5)));
    fig[axs[0]].set_title("flush");
    assert!(fig.axes.iter().all(|a| !a.plot.y.stale));
}

#[test]
fn categories_accumulate_over_the_group() {
    let (mut fig, axs) = two(Share::All, Share::None);
    let a = fig[axs[0]].x_categories(&["a".into(), "b".into()]);
    let b = fig[axs[1]].x_categories(&["c".into(), "a".into()]);
    assert_eq!((a, b), (vec![0.0, 1.0], vec![2.0, 0.0]));
    let f = fig.resolved();
    assert_eq!(f.axes[0].plot.x.categories, ["a", "b", "c"]);
}

#[test]
fn a_foreign_handle_is_an_error_for_the_figure_level_limits() {
    let (mut fig, _) = two(Share::All, Share::All);
    let (_, other) = two(Share::None, Share::None);
    assert!(fig.set_xlim(other[0], Some(0.0), Some(1.0)).is_err());
    assert!(fig.get_ylim(other[1]).is_err());
}

#[test]
fn the_resolved_copy_shares_the_artists_and_images() {
    let (mut fig, axs) = two(Share::Col, Share::None);
    fig[axs[0]]
        .plot(vec![0.0, 1.0], vec![0.0, 2.0])
        .expect("plot");
    fig[axs[1]].set_xscale(AxisScale::LOG10);
    let f = fig.resolved();
    assert!(matches!(f, Cow::Owned(_)));
    for (a, b) in f.axes.iter().zip(&fig.axes) {
        assert!(std::sync::Arc::ptr_eq(&a.plot.artists, &b.plot.artists));
        assert!(std::sync::Arc::ptr_eq(&a.images, &b.images));
    }
}
