# Checks diagram interchange: edges through shapes, edges on top of each other, labels on shapes/edges/labels.
import re, sys, math, xml.etree.ElementTree as ET
NS={'bpmn':'http://www.omg.org/spec/BPMN/20100524/MODEL','bpmndi':'http://www.omg.org/spec/BPMN/20100524/DI','dc':'http://www.omg.org/spec/DD/20100524/DC','di':'http://www.omg.org/spec/DD/20100524/DI'}
def textw(t):
    return sum(11 if ord(c)>0x2e80 else 6 for c in t)
def labelbox(name, anchor_cx, top):
    tw=textw(name); w=min(90,tw); lines=math.ceil(tw/90) if tw else 0
    return (anchor_cx-w/2, top, w, 14*lines)
def inter(a,b,pad=0):
    return a[0]<b[0]+b[2]-pad and b[0]<a[0]+a[2]-pad and a[1]<b[1]+b[3]-pad and b[1]<a[1]+a[3]-pad
def seg_box(p,q,pad=1):
    x1,x2=sorted((p[0],q[0])); y1,y2=sorted((p[1],q[1]))
    return (x1-pad,y1-pad,x2-x1+2*pad,y2-y1+2*pad)
def check(path):
    t=ET.parse(path); root=t.getroot()
    names={}; kinds={}; srcs={}; tgts={}
    for el in root.iter():
        i=el.get('id')
        if i: names[i]=el.get('name') or ''; kinds[i]=el.tag.split('}')[1]; srcs[i]=el.get('sourceRef') or el.get('attachedToRef'); tgts[i]=el.get('targetRef')
    problems=[]
    for plane in root.iter('{%s}BPMNPlane'%NS['bpmndi']):
        shapes={}; labels={}; edges={}; expanded=set()
        for sh in plane.findall('bpmndi:BPMNShape',NS):
            e=sh.get('bpmnElement'); b=sh.find('dc:Bounds',NS); shapes[e]=tuple(float(b.get(k)) for k in('x','y','width','height'))
            if sh.get('isExpanded')=='true': expanded.add(e)
            lb=sh.find('bpmndi:BPMNLabel/dc:Bounds',NS)
            if lb is not None: labels[e]=tuple(float(lb.get(k)) for k in('x','y','width','height'))
        for ed in plane.findall('bpmndi:BPMNEdge',NS):
            e=ed.get('bpmnElement'); edges[e]=[(float(w.get('x')),float(w.get('y'))) for w in ed.findall('di:waypoint',NS)]
            lb=ed.find('bpmndi:BPMNLabel/dc:Bounds',NS)
            if lb is not None: labels[e]=tuple(float(lb.get(k)) for k in('x','y','width','height'))
        # implicit labels of events/gateways without bounds: bpmn-js puts them centred below
        for e,b in shapes.items():
            k=kinds.get(e,'')
            if e not in labels and names.get(e) and (k.endswith('Event') or k.endswith('Gateway')):
                labels[e]=labelbox(names[e], b[0]+b[2]/2, b[1]+b[3]+5)
        for e,pts in edges.items():
            if e not in labels and names.get(e):
                # bpmn-js: label at the middle of the flow, slightly above
                segs=list(zip(pts,pts[1:])); L=sum(math.dist(p,q) for p,q in segs); acc=0
                for p,q in segs:
                    d=math.dist(p,q)
                    if acc+d>=L/2:
                        f=(L/2-acc)/d if d else 0; mx=p[0]+(q[0]-p[0])*f; my=p[1]+(q[1]-p[1])*f; break
                    acc+=d
                labels[e]=labelbox(names[e], mx, my-14-3)
        attached={i for i in shapes if kinds.get(i)=='boundaryEvent'}
        for e,pts in edges.items():
            ends={srcs.get(e),tgts.get(e)}
            ends|={srcs.get(x) for x in ends if x in attached}  # a boundary event's host
            for p,q in zip(pts,pts[1:]):
                for s,b in shapes.items():
                    if s in ends or s in expanded: continue
                    if inter(seg_box(p,q,0),b,1): problems.append('%s: flow %s through %s'%(plane.get('id'),e,s))
            for f2,pts2 in edges.items():
                if f2<=e: continue
                for p,q in zip(pts,pts[1:]):
                    for r,s2 in zip(pts2,pts2[1:]):
                        if p[0]==q[0]==r[0]==s2[0] and min(max(p[1],q[1]),max(r[1],s2[1]))-max(min(p[1],q[1]),min(r[1],s2[1]))>2 or \
                           p[1]==q[1]==r[1]==s2[1] and min(max(p[0],q[0]),max(r[0],s2[0]))-max(min(p[0],q[0]),min(r[0],s2[0]))>2:
                            problems.append('%s: flows %s and %s drawn on each other'%(plane.get('id'),e,f2))
        ll=list(labels.items())
        for e,lb in ll:
            for s,b in shapes.items():
                if s in expanded: continue
                if inter(lb,b,1): problems.append('%s: label of %s on %s'%(plane.get('id'),e,s))
            for f,pts in edges.items():
                if f==e and kinds.get(e)=='sequenceFlow': pass
                for p,q in zip(pts,pts[1:]):
                    if inter(lb,seg_box(p,q,0),1): problems.append('%s: label of %s on flow %s'%(plane.get('id'),e,f)); break
        for i,(e,lb) in enumerate(ll):
            for e2,lb2 in ll[i+1:]:
                if inter(lb,lb2,1): problems.append('%s: labels of %s and %s overlap'%(plane.get('id'),e,e2))
    return sorted(set(problems))
if __name__=='__main__':
    tot=0
    for p in sys.argv[1:]:
        pr=check(p); tot+=len(pr)
        for x in pr: print(p.split('/')[-1],x)
    print('problems:',tot)
