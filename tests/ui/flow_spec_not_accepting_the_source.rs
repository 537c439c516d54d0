// A dataflow of the cloud-storage flow spec fed by a MySQL source connection: CloudStorageToAEP
// does not list MySQL's connection spec among its sources, so `.source(..)` does not compile.
use flow_connectors::flow_specs::CloudStorageToAep;
use flow_connectors::{CreateFlow, SourceConnectionId, TargetConnectionId};

fn main() {
    let source = SourceConnectionId::<flow_connectors::mysql::SourceParams>::new("b7581b59-c603-4df1-a689-d23d7ac440f3");
    let _ = CreateFlow::<CloudStorageToAep>::builder("orders")
        .source(source)
        .target(TargetConnectionId::new("320f119a-5ac1-4ab1-88ea-eb19e674ea2e"))
        .build();
}
