# Places every external label (events, gateways, named flows) where it touches no shape, flow or other label.
import re, sys, math
sys.path.insert(0, __import__('os').path.dirname(__file__))
import xml.etree.ElementTree as ET
from dicheck import textw, inter, seg_box, NS
def size(name):
    tw=textw(name); w=min(90,tw)+2; lines=max(1,math.ceil(tw/90)); return w,14*lines
def place(path):
    src=open(path,encoding='utf-8').read()
    root=ET.fromstring(src.encode('utf-8'))
    names={}; kinds={}
    for el in root.iter():
        i=el.get('id')
        if i: names[i]=el.get('name') or ''; kinds[i]=el.tag.split('}')[1]
    newlabels={}
    for plane in root.iter('{%s}BPMNPlane'%NS['bpmndi']):
        shapes={}; edges={}; expanded=set()
        for sh in plane.findall('bpmndi:BPMNShape',NS):
            e=sh.get('bpmnElement'); b=sh.find('dc:Bounds',NS); shapes[e]=tuple(float(b.get(k)) for k in('x','y','width','height'))
            if sh.get('isExpanded')=='true': expanded.add(e)
        for ed in plane.findall('bpmndi:BPMNEdge',NS):
            edges[ed.get('bpmnElement')]=[(float(w.get('x')),float(w.get('y'))) for w in ed.findall('di:waypoint',NS)]
        obst=[b for s,b in shapes.items() if s not in expanded]
        segs=[seg_box(p,q,2) for pts in edges.values() for p,q in zip(pts,pts[1:])]
        placed=[]
        def free(box):
            return all(not inter(box,o) for o in obst) and all(not inter(box,s) for s in segs) and all(not inter(box,l,-2) for l in placed)
        items=[(e,'shape') for e in shapes if names.get(e) and (kinds[e].endswith('Event') or kinds[e].endswith('Gateway'))]
        items+=[(e,'edge') for e in edges if names.get(e)]
        for e,kind in items:
            w,h=size(names[e]); cands=[]
            if kind=='shape':
                x,y,W,H=shapes[e]; cx=x+W/2; cy=y+H/2
                for d in (4,16,30):
                    cands+=[(cx-w/2,y+H+d),(cx-w/2,y-d-h),(x+W+d-2,y+H-4),(x-w-d+2,y+H-4),(x+W+d-2,y-h+4),(x-w-d+2,y-h+4),(x+W+d,cy-h/2),(x-w-d,cy-h/2)]
            else:
                pts=edges[e]; sl=sorted(zip(pts,pts[1:]),key=lambda s:-math.dist(*s))
                order=list(zip(pts,pts[1:]))[:1]+sl
                for p,q in order:
                    for f in (0.5,0.25,0.75,0.15,0.85):
                        mx=p[0]+(q[0]-p[0])*f; my=p[1]+(q[1]-p[1])*f
                        if p[1]==q[1]: cands+=[(mx-w/2,my-h-3),(mx-w/2,my+3)]
                        else: cands+=[(mx+4,my-h/2),(mx-w-4,my-h/2)]
                for p,q in order:
                    for k in (10,20,30):
                        mx=(p[0]+q[0])/2; my=(p[1]+q[1])/2
                        if p[1]==q[1]: cands+=[(mx-w/2+dx,my-h-3-k) for dx in (0,-20,20)]+[(mx-w/2+dx,my+3+k) for dx in (0,-20,20)]
                        else: cands+=[(mx+4+k,my-h/2),(mx-w-4-k,my-h/2)]
            for c in cands:
                box=(round(c[0]),round(c[1]),w,h)
                if free(box): placed.append(box); newlabels[e]=box; break
            else: print('no place for',e, file=sys.stderr)
    def setlabel(m):
        whole=m.group(0); e=m.group(2)
        if e not in newlabels: return whole
        b='<bpmndi:BPMNLabel><dc:Bounds x="%g" y="%g" width="%g" height="%g" /></bpmndi:BPMNLabel>'%newlabels[e]
        whole=re.sub(r'<bpmndi:BPMNLabel>.*?</bpmndi:BPMNLabel>','',whole)
        return whole.replace('</bpmndi:%s>'%m.group(1), b+'</bpmndi:%s>'%m.group(1))
    src=re.sub(r'<bpmndi:(BPMNShape|BPMNEdge) id="[^"]*" bpmnElement="([^"]+)".*?</bpmndi:(?:BPMNShape|BPMNEdge)>',setlabel,src,flags=re.S)
    open(path,'w',encoding='utf-8').write(src)
for p in sys.argv[1:]: place(p)
