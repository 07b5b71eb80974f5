// Loads RDF files with the OWL API (Debian's libowlapi-java) and checks the OWL 2 DL profile.
// Usage: java -cp "/usr/share/java/*" tools/OwlCheck.java [--import IRI=FILE]... FILE...
// An owl:imports of IRI is read from FILE: nothing is fetched from the network.
// Prints one line per profile violation as "violation<TAB>FILE<TAB>text", then a summary line
// "axioms<TAB>FILE<TAB>N". Exit 0 when every file parsed, 2 when one could not be parsed.
import java.io.File;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.model.OWLOntology;
import org.semanticweb.owlapi.model.OWLOntologyManager;
import org.semanticweb.owlapi.model.parameters.Imports;
import org.semanticweb.owlapi.model.MissingImportHandlingStrategy;
import org.semanticweb.owlapi.model.OWLOntologyLoaderConfiguration;
import org.semanticweb.owlapi.io.FileDocumentSource;
import org.semanticweb.owlapi.profiles.Profiles;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;
import org.semanticweb.owlapi.model.IRI;
import org.semanticweb.owlapi.util.SimpleIRIMapper;
import java.util.ArrayList;
import java.util.List;

public class OwlCheck {
    public static void main(String[] args) throws Exception {
        int status = 0;
        List<String[]> imports = new ArrayList<>();
        List<String> files = new ArrayList<>();
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("--import")) {
                imports.add(args[++i].split("=", 2));
            } else {
                files.add(args[i]);
            }
        }
        for (String path : files) {
            OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
            manager.getIRIMappers().clear();  // no fetching: only the mappings given
            for (String[] m : imports) {
                manager.getIRIMappers().add(new SimpleIRIMapper(IRI.create(m[0]), IRI.create(new File(m[1]))));
            }
            // never fetch an import from the network: the ontology is given on the command line instead
            OWLOntologyLoaderConfiguration config = new OWLOntologyLoaderConfiguration()
                .setMissingImportHandlingStrategy(MissingImportHandlingStrategy.SILENT)
                .setFollowRedirects(false).setReportStackTraces(false);
            try {
                OWLOntology ontology = manager.loadOntologyFromOntologyDocument(new FileDocumentSource(new File(path)), config);
                for (OWLProfileViolation v : Profiles.OWL2_DL.checkOntology(ontology).getViolations()) {
                    System.out.println("violation\t" + path + "\t" + v.toString().replace('\n', ' '));
                }
                System.out.println("axioms\t" + path + "\t" + ontology.getAxiomCount(Imports.EXCLUDED));
            } catch (Exception e) {
                System.out.println("error\t" + path + "\t" + e.getClass().getSimpleName() + ": " + String.valueOf(e.getMessage()).split("\n")[0]);
                status = 2;
            }
        }
        System.exit(status);
    }
}
