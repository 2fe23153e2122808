package org.nvmeworkbench.core.agent;

import java.nio.ByteBuffer;
import java.util.ArrayList;
import java.util.List;

import com.google.protobuf.ByteString;

import org.nvmeworkbench.core.agent.proto.FeatureRead;
import org.nvmeworkbench.core.agent.proto.FeatureReply;
import org.nvmeworkbench.core.agent.proto.ReadoutReply;
import org.nvmeworkbench.core.driver.AdminResult;
import org.nvmeworkbench.core.driver.ControllerRegisters;
import org.nvmeworkbench.core.session.ControllerReadout;
import org.nvmeworkbench.core.spec.IdentifyController;

/** The Controller view's data on the wire and back: Identify's own 4096 bytes, the registers, Get Features answers. */
final class WireReadout {
    private WireReadout() {
    }

    static ReadoutReply of(ControllerReadout r) {
        ByteBuffer id = ByteBuffer.allocate(4096);
        r.controller().writeTo(id);
        ControllerRegisters reg = r.registers();
        ReadoutReply.Builder b = ReadoutReply.newBuilder().setController(ByteString.copyFrom(id.array()))
                .setCap(reg.cap()).setVs(reg.vs()).setCc(reg.cc()).setCsts(reg.csts()).setAqa(reg.aqa())
                .setDuringRun(r.duringRun());
        for (ControllerReadout.FeatureRead f : r.features()) {
            b.addFeatures(FeatureRead.newBuilder().setFid(f.fid()).setResult(reply(f.result())));
        }
        for (ControllerReadout.VectorRead v : r.vectors()) {
            b.addVectors(FeatureRead.newBuilder().setIv(v.iv()).addAllCqs(v.cqs()).setResult(reply(v.result())));
        }
        return b.build();
    }

    static ControllerReadout readout(ReadoutReply r) {
        List<ControllerReadout.FeatureRead> features = new ArrayList<>();
        for (FeatureRead f : r.getFeaturesList()) {
            features.add(new ControllerReadout.FeatureRead(f.getFid(), result(f.getResult())));
        }
        List<ControllerReadout.VectorRead> vectors = new ArrayList<>();
        for (FeatureRead v : r.getVectorsList()) {
            vectors.add(new ControllerReadout.VectorRead(v.getIv(), java.util.Set.copyOf(v.getCqsList()), result(v.getResult())));
        }
        return new ControllerReadout(IdentifyController.parse(ByteBuffer.wrap(r.getController().toByteArray())),
                new ControllerRegisters(r.getCap(), r.getVs(), r.getCc(), r.getCsts(), r.getAqa()), features, vectors,
                r.getDuringRun());
    }

    static FeatureReply reply(AdminResult r) {
        return FeatureReply.newBuilder().setStatus(r.status()).setDw0(r.dw0()).build();
    }

    static AdminResult result(FeatureReply r) {
        return new AdminResult(r.getStatus(), r.getDw0());
    }
}
