#!/usr/bin/env python3
"""Writes the QA plot cases: figures a user writes first (round-1 calls in everyday
combinations), each found by comparing figbuf with matplotlib; the ones that differed were
fixed (q07: markerfacecolor 'none' keeps the auto edge opaque; q10 and s*: a scatter's
legend marker is the mean of its largest and smallest size and is drawn as a path
collection when the scatter has several colours; n1-n3: a 'none' face or edge colour
empties the colour array, so matplotlib draws the scatter unsnapped; h_*: so does a marker
larger than the figure). One folder per case (figure.json,
case.json, ref.png = matplotlib 3.11.2's canvas) next to this script.

Run with the venv's python (matplotlib 3.11.2, numpy, pillow) from anywhere:
    python tests/reference/plots_qa/gen_plots_qa.py

../plots_extra/mpl_figure.py is the project's copy of the oracle.
"""

import json
import os
import subprocess
import sys

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
rng = np.random.default_rng(7)


def c(m, *a, **k):
    d = {"method": m, "args": list(a)}
    if k:
        d["kwargs"] = k
    return d


C = {}
x=np.linspace(0,10,60).round(4).tolist()
s=np.sin(np.linspace(0,10,60)).round(4).tolist()
co=np.cos(np.linspace(0,10,60)).round(4).tolist()
C={}
C['q01']={"axes":[[c("plot",x,s,"g-.",lw=2.5,label="sin"),c("plot",x,co,"m:",label="cos"),c("legend",loc="lower left",ncols=2,title="funcs"),c("grid",True,alpha=0.5),c("set_xlabel","time (s)"),c("set_ylabel","amp")]]}
C['q02']={"figure":{"figsize":[5,4],"dpi":120},"axes":[[c("scatter",rng.normal(size=50).round(3).tolist(),rng.normal(size=50).round(3).tolist(),s=(rng.random(50)*80+10).round(2).tolist(),c=rng.random(50).round(3).tolist(),cmap="viridis",edgecolors="k",linewidths=0.5,alpha=0.7),c("set_title","scatter")]]}
C['q03']={"axes":[[c("semilogy",x,(np.exp(np.linspace(0,10,60))).round(3).tolist(),"b-",marker="s",markevery=5,ms=5),c("grid",True,which="both",ls=":"),c("set_ylabel","growth")]]}
C['q04']={"axes":[[c("plot",[1,2,3,4],[1,4,9,16],"ro-"),c("axhline",5,color="gray",ls="--"),c("axvline",2.5,color="k",lw=0.8),c("axvspan",1.5,2,alpha=0.2,color="C2"),c("text",3,10,"note",fontsize=12,color="C1"),c("set_xlim",0,5)]]}
C['q05']={"axes":[[c("plot",x,s),c("annotate","peak",xy=[1.6,1.0],xytext=[3,1.3],arrowprops={"arrowstyle":"->"}),c("set_ylim",-1.5,1.6),c("set_title","annotated",loc="left")]]}
C['q06']={"figure":{"figsize":[4,3],"dpi":200},"axes":[[c("plot",x,s,"k"),c("set_xscale","symlog",linthresh=1),c("tick_params",labelsize=8,direction="in",length=6)]]}
C['q07']={"axes":[[c("loglog",np.logspace(-2,3,40).round(6).tolist(),(np.logspace(-2,3,40)**1.5).round(6).tolist(),"^-",ms=4,mfc="none"),c("grid",True,which="major")]]}
C['q08']={"axes":[[c("plot",x,s,label="a"),c("plot",x,co,label="b"),c("plot",x,(np.array(s)*np.array(co)).round(4).tolist(),label="c"),c("legend",loc="best",frameon=False,fontsize=8)]]}
C['q09']={"axes":[[c("plot",[0,1,2,3],[3,1,2,0],"D--",color="#ff7f0e",mec="k",mew=1.5,ms=10),c("set_facecolor","#eeeeee"),c("margins",0.2)]]}
C['q10']={"axes":[[c("scatter",[1,2,3],[3,2,1],c=["r","g","b"],s=[20,200,500],marker="o",label="pts"),c("legend",loc="upper right",framealpha=1.0)]]}
C['q11']={"axes":[[c("plot",x,s),c("set_xticks",[0,2.5,5,7.5,10],["a","b","c","d","e"]),c("set_yticks",[-1,0,1])]]}
C['q12']={"axes":[[c("plot",x,s,lw=3,solid_capstyle="round"),c("invert_yaxis"),c("set_title","inverted y")]]}
C['q13']={"axes":[[c("plot",x,s,"C4",drawstyle="steps-mid"),c("axis","off")]]}
C['q14']={"figure":{"figsize":[6,3]},"axes":[[c("plot",x,s,alpha=0.5,lw=5),c("text",5,0,"boxed",ha="center",va="center",bbox={"boxstyle":"round","facecolor":"wheat","alpha":0.5})]]}
C['q15']={"axes":[[c("hist",rng.normal(size=300).round(4).tolist(),bins=20,histtype="step",color="k")]]}
C['q16']={"axes":[[c("plot",[0,1],[0,1],"--",dashes=[5,2]) ]]}
C['q17']={"axes":[[c("plot",x,s,marker="*",ms=12,ls="none",mfc="gold",mec="r"),c("set_ylim",None,2)]]}
C['q18']={"axes":[[c("scatter",x,s,c=x,cmap="coolwarm",marker="^",s=40),c("set_xlabel","x"),c("set_aspect","equal")]]}
C['q19']={"axes":[[c("plot",x,s),c("set_yscale","log")]]}
C['q20']={"axes":[[c("plot",x,s,label=r"$\sin(x)$"),c("plot",x,co,label=r"$\cos(x)$"),c("legend"),c("set_title",r"$\alpha=0.5$, $\beta_2$"),c("set_xlabel","time [$\mu$s]")]]}
C['q21']={"subplots":{"nrows":1,"ncols":2,"sharey":True},"axes":[[c("plot",x,s)],[c("plot",x,co,"r")]],"figure_calls":[c("suptitle","pair")]}
C['q22']={"axes":[[c("bar",[1,2,3],[3,5,2],width=0.5,color="C2",edgecolor="k",label="b"),c("legend")]]}
C['q23']={"axes":[[c("plot",x,s,"o",ms=3),c("grid",True,axis="y",color="r",linestyle="--",linewidth=0.5)]]}
C['q24']={"axes":[[c("plot",x,s),c("set_xlim",10,0),c("set_title","Title\nsecond line")]]}
C['q25']={"axes":[[c("plot",x,s,label="x"),c("legend",loc="center left",bbox_to_anchor=[1,0.5])]]}
C['q26']={"axes":[[c("errorbar",[1,2,3],[1,2,3],yerr=0.5)]]}
C['q27']={"axes":[[c("plot",x,s,zorder=3),c("axhspan",-0.5,0.5,color="yellow",zorder=1),c("text",1,0.6,"rot",rotation=45)]]}
C['q28']={"axes":[[c("plot",x,s,"C0",label="_nolegend_"),c("plot",x,co,"C1",label="cos"),c("legend",loc=4)]]}

# Scatter legends: sizes and one colour or a colour per point.
for size in [20, 100, 260, 500]:
    for name, col in [("one", "r"), ("list", ["r", "g", "b"])]:
        C[f"s_{size}_{name}"] = {"axes": [[c("scatter", [1, 2, 3], [3, 2, 1], c=col, s=size, label="pts"),
                                          c("legend", loc="upper right")]]}
# Not yet supported by figbuf (kept out until they are): set_title loc, plot dashes,
# legend bbox_to_anchor, errorbar, rotated text.
for n in ["q05", "q16", "q25", "q26", "q27"]:
    del C[n]


# Second batch: cycles past C9, unfilled markers, log limits, text alignment, arrows,
# markevery, ticks, offsets, linestyles by name, joins, legend options.
rng = np.random.default_rng(11)
r=lambda v,n=5:[round(float(z),n) for z in v]
t=np.linspace(0,2*np.pi,80); x=r(t)
C['b01']={"axes":[[c("plot",r(np.sin(t+k*0.3))) for k in range(12)]]}
C['b02']={"figure":{"figsize":[3,2],"dpi":150},"axes":[[c("plot",x,r(np.sin(t)),"x",ms=4),c("plot",x,r(np.cos(t)),"+",mew=2)]]}
C['b03']={"axes":[[c("scatter",r(rng.random(30)),r(rng.random(30)),marker="x",c="k",s=30),c("scatter",r(rng.random(30)),r(rng.random(30)),marker="+",s=50,linewidths=2)]]}
C['b04']={"axes":[[c("plot",[1,10,100,1000],[-1,2,3,4],"o-"),c("set_xscale","log"),c("set_xlim",5,None)]]}
C['b05']={"axes":[[c("plot",[0.1,1,10],[5,50,500]),c("set_yscale","log"),c("set_ylim",None,1e4),c("grid",True,which="minor",alpha=0.3)]]}
C['b06']={"axes":[[c("plot",x,r(np.sin(t))),c("text",0.5,0.5,"top-left",ha="left",va="top"),c("text",3,0,"center",ha="center",va="center",fontsize=14),c("text",6,-0.5,"right-bottom",ha="right",va="bottom",color="r",alpha=0.6)]]}
C['b07']={"axes":[[c("plot",[0,5],[0,5]),c("annotate","a",xy=[1,1],xytext=[2,0.5],arrowprops={"arrowstyle":"-|>"}),c("annotate","b",xy=[3,3],xytext=[4,1],arrowprops={"arrowstyle":"<->"}),c("annotate","c",xy=[2,4],xytext=[0.5,4.5],arrowprops={"arrowstyle":"-"})]]}
C['b08']={"axes":[[c("plot",x,r(np.sin(t)),label="sin",marker="o",markevery=10),c("plot",x,r(np.cos(t)),label="cos",ls="--",marker="s",markevery=[0,20,40]),c("legend",loc="upper center",ncols=2)]]}
C['b09']={"axes":[[c("plot",x,r(np.sin(t)),lw=0.5),c("tick_params",axis="y",labelsize=14,length=2),c("set_ylabel","big ticks")]]}
C['b10']={"figure":{"figsize":[8,3],"dpi":80},"axes":[[c("semilogx",r(np.logspace(0,4,50)),r(np.log(np.logspace(0,4,50))),"k-"),c("grid",True,which="both")]]}
C['b11']={"axes":[[c("plot",x,r(np.sin(t)),"r",label="line"),c("axhspan",0.2,0.6,xmin=0.1,xmax=0.5,color="C1",alpha=0.3,label="span"),c("axvline",3,ymin=0.2,ymax=0.8,color="g",lw=3,label="vline"),c("legend",loc="lower right")]]}
C['b12']={"axes":[[c("scatter",r(rng.normal(size=60)),r(rng.normal(size=60)),c=r(rng.normal(size=60)),cmap="RdBu",vmin=-2,vmax=2,s=25,edgecolors="none")]],"figure_calls":[c("colorbar",{"ref":[0,0]},ax={"axes":0},label="value")]}
C['b13']={"axes":[[c("plot",x,r(np.sin(t)),"b"),c("set_xlim",0,10),c("set_ylim",-2,2),c("set_aspect",2)]]}
C['b14']={"axes":[[c("plot",x,r(np.sin(t)*1e5)),c("set_title","offset ticks")]]}
C['b15']={"axes":[[c("plot",r(t+1e6),r(np.sin(t)))]]}
C['b16']={"axes":[[c("plot",x,r(np.sin(t)*1e-5))]]}
C['b17']={"axes":[[c("plot",[1,2],[1,2],color=(0.2,0.4,0.6)),c("plot",[1,2],[2,1],color="tab:orange",lw=4,alpha=0.5),c("plot",[1,2],[1.5,1.5],color="0.5",ls="-.")]]}
C['b18']={"axes":[[c("plot",x,r(np.sin(t)),ls="solid"),c("plot",x,r(np.cos(t)),ls="dashed"),c("plot",x,r(np.sin(2*t)),ls="dashdot"),c("plot",x,r(np.cos(2*t)),ls="dotted")]]}
C['b19']={"axes":[[c("plot",x,r(np.sin(t)),solid_joinstyle="miter",lw=6),c("plot",[0,3,6],[0,1,0],solid_joinstyle="bevel",lw=8,solid_capstyle="butt")]]}
C['b20']={"axes":[[c("imshow",r(rng.random(100),3) and [r(rng.random(10),3) for _ in range(10)],cmap="magma",extent=[0,10,0,5]),c("plot",[0,10],[0,5],"w--")]]}
C['b21']={"axes":[[c("plot",x,r(np.sin(t)),label="long label number one"),c("plot",x,r(np.cos(t)),label="two"),c("legend",title="Legend title",fontsize="small")]]}
C['b22']={"axes":[[c("plot",x,r(np.sin(t))),c("set_xlabel","x label"),c("set_ylabel","y label"),c("set_title","Title")]],"figure":{"dpi":72}}
C['b23']={"axes":[[c("plot",x,r(np.sin(t))),c("set_yticks",[-1,-0.5,0,0.5,1],["min","","zero","","max"]),c("set_xticks",[])]]}
C['b24']={"axes":[[c("plot",[1,2,3],[1,2,3],"o",ms=20,alpha=0.5,mec="k"),c("margins",x=0.3,y=0.1)]]}
C['b25']={"axes":[[c("plot",[0,1,2,3],[0,1,4,9],"C1s--",lw=1,ms=8,mfc="w")]]}
C['b26']={"axes":[[c("plot",x,r(np.sin(t))),c("invert_xaxis"),c("set_xscale","linear"),c("grid",True,ls="-.",color="0.8")]]}
C['b27']={"axes":[[c("scatter",[1,2,3,4],[1,4,9,16],s=[10,40,90,160],c="none",edgecolors="r",label="hollow"),c("legend")]]}
C['b28']={"axes":[[c("plot",x,r(np.sin(t)),label="sin"),c("legend",loc="upper left",frameon=True,framealpha=0.3,fontsize=12)],],"figure":{"figsize":[5,5]}}

# 'none' faces or edges make a scatter's colour arrays empty, so it (and its legend
# handle) is drawn with draw_path_collection, unsnapped.
C['n1']={"axes":[[c("scatter",[1.13,2.27,3.41],[1.3,2.71,1.9],s=200,c="none",edgecolors="r",label="h"),c("legend")]]}
C['n2']={"axes":[[c("scatter",[1.13,2.27,3.41],[1.3,2.71,1.9],s=200,c="b",edgecolors="none",label="h"),c("legend")]]}
C['n3']={"axes":[[c("scatter",[1.13,2.27,3.41],[1.3,2.71,1.9],s=200,facecolors="none",edgecolors="k",label="h"),c("legend")]]}
C['n4']={"axes":[[c("scatter",[1.13,2.27,3.41],[1.3,2.71,1.9],s=200,c=["r","none","b"],label="h"),c("legend")]]}

# Not yet supported by figbuf: RGB tuples as colours, 2-D inline data, named font sizes.
for n in ["b17", "b20", "b21"]:
    del C[n]

# Markers as large as the figure or larger: Collection.draw then takes
# draw_path_collection (unsnapped) instead of draw_markers, as for several colours.
for s in ["2e5", "1e6", "1e12", "1e20"]:
    C[f"h_{s}"] = {"axes": [[c("scatter", [1, 2, 3], [1, 2, 2.5], s=float(s), alpha=0.5)]]}

def main():
    tool = os.path.join(HERE, "..", "plots_extra", "mpl_figure.py")
    for n, f in sorted(C.items()):
        d = os.path.join(HERE, n)
        os.makedirs(d, exist_ok=True)
        with open(os.path.join(d, "figure.json"), "w") as fh:
            json.dump(f, fh, indent=1)
        with open(os.path.join(d, "case.json"), "w") as fh:
            json.dump({"name": n, "round": 1, "cli": ["figbuf", "render", "figure.json", "-o", "OUT.png"]}, fh, indent=1)
        subprocess.run([sys.executable, tool, os.path.join(d, "figure.json"), os.path.join(d, "ref.png")], check=True)
        print(n)


if __name__ == "__main__":
    main()
